// load_meta: facts about the load (loaded_at, origin, counts) as key/value nodes.
// Params: $rows (maps {id, value}).
UNWIND $rows AS row
CREATE (m:{{meta_label}} {id: row.id, value: row.value})
