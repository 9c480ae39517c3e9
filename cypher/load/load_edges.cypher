// load_edges: create one batch of {{types}} relationships from {{start}} to {{end}} nodes.
// Two MATCH clauses, each on a labelled id: both are served by the uniqueness constraints.
// Params: $rows (maps {from, to, props}). Slots: {{types}} (one type), {{start}}, {{end}}.
UNWIND $rows AS row
MATCH (a:{{start}} {id: row.from})
MATCH (b:{{end}} {id: row.to})
CREATE (a)-[r:{{types}}]->(b)
SET r = row.props
