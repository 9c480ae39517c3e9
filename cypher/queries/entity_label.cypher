// entity_label: the label of the node with id $id (no row when there is none).
// Params: $id.
MATCH (n:Entity {id: $id})
RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS label
