// entity_label: the label of the node with id $id, from the {{index_label}} table the loader
// writes (LadybugDB finds a node fast only through its own table's primary key).
// Params: $id.
MATCH (e:{{index_label}} {id: $id})
RETURN e.label AS label
