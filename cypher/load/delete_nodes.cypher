// delete_nodes: remove one batch of held nodes whose id the new graph does not have. Run last:
// a node deleted in a transaction makes every later id check in it slow (see neo4j.py).
// Params: $elements (element ids).
UNWIND $elements AS element
MATCH (n:{{entity_label}})
WHERE elementId(n) = element
DETACH DELETE n
