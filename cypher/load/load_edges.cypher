// load_edges: create one batch of {{types}} relationships. Both ends are found by element id
// (the load's own, from held_nodes and load_nodes): no index seek per end.
// Params: $rows (maps {from, to, props}: element ids and properties). Slots: {{types}} (one type).
UNWIND $rows AS row
MATCH (a)
WHERE elementId(a) = row.from
MATCH (b)
WHERE elementId(b) = row.to
CREATE (a)-[r:{{types}}]->(b)
SET r = row.props
