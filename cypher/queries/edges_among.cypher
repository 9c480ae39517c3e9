// edges_among: the {{types}} relationships from the {{start}} node $id to any of the nodes
// $ids (a view's node ids), every stored property, with the id and label of their far end.
// Looked up from the start node through its label's id index, once per node of the view.
// Params: $id, $ids. Slots: {{start}}, {{types}}.
MATCH (a:{{start}} {id: $id})-[r:{{types}}]->(b)
WHERE b.id IN $ids
RETURN r AS rel, b.id AS finish, [l IN labels(b) WHERE l <> '{{entity_label}}'][0] AS finish_label
