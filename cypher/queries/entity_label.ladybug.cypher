// entity_label: the label of the node with id $id, from the EntityIndex table the loader
// writes (LadybugDB finds a node fast only through its own table's primary key).
// Params: $id.
MATCH (e:EntityIndex {id: $id})
RETURN e.label AS label
