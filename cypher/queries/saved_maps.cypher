// saved_maps: every saved map (the register's, kept by every load), each as its id and the map
// as JSON text (app/model/saved_maps.py), in id order. No params.
MATCH (m:{{saved_map_label}})
RETURN m.id AS id, m.value AS value
ORDER BY id
