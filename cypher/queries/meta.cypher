// meta: facts about the loaded graph (loaded_at, origin, counts) as key/value rows. No params.
MATCH (m:{{meta_label}})
RETURN m.id AS key, m.value AS value
ORDER BY key
