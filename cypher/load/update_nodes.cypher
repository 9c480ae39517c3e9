// update_nodes: rewrite one batch of nodes the graph in place already holds (same id, same
// label): their properties become the row's, a property the row lacks is removed.
// Params: $rows (maps {element, props}).
UNWIND $rows AS row
MATCH (n)
WHERE elementId(n) = row.element
SET n = row.props
