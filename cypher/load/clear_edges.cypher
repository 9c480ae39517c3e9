// clear_edges: remove every relationship of the graph in place (all run between
// :{{entity_label}} nodes), and the load facts; the nodes stay, for the load to rewrite or delete.
// No params.
MATCH (:{{entity_label}})-[r]->()
DELETE r
WITH count(*) AS removed
OPTIONAL MATCH (m:{{meta_label}})
DELETE m
