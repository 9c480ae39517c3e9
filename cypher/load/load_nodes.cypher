// load_nodes: create one batch of nodes of label {{label}}; every node is also an :{{entity_label}},
// the label the id lookups and full scans use. Null properties are simply not set. Returns
// each node's element id, by which the load's relationships find their ends.
// Params: $rows (maps of stored columns, app/graph/rows.py). Slots: {{label}}.
UNWIND $rows AS row
CREATE (n:{{entity_label}}:{{label}})
SET n = row
RETURN row.id AS id, elementId(n) AS element
