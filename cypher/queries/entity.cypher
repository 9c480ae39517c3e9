// entity: the node with id $id and label {{label}} (see entity_label), every property.
// Params: $id. Slots: {{label}}.
MATCH (n:{{label}} {id: $id})
RETURN n
