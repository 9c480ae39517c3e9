// entity_label: the label of the node with id $id (no row when there is none).
// Params: $id.
MATCH (n:{{entity_label}} {id: $id})
RETURN [l IN labels(n) WHERE l <> '{{entity_label}}'][0] AS label
