// put_saved_maps: save maps, each as its id and the map as JSON text, replacing a map of the
// same id. Beside the graph: a load clears neither them nor is cleared by them.
// Params: $rows (maps {id, value}; never empty, LadybugDB cannot type an empty list).
UNWIND $rows AS row
MERGE (m:{{saved_map_label}} {id: row.id})
SET m.value = row.value
