// delete_saved_map: remove the saved map with id $id (nothing when there is none).
// Params: $id.
MATCH (m:{{saved_map_label}} {id: $id})
DELETE m
