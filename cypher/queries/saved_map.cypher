// saved_map: the saved map with id $id as JSON text (no row when there is none).
// Params: $id.
MATCH (m:{{saved_map_label}} {id: $id})
RETURN m.id AS id, m.value AS value
