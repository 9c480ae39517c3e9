// held_nodes: every node of the graph in place, with its element id and its label besides
// :{{entity_label}}, read inside a load's transaction (element ids hold within it). A load keeps
// the nodes whose id it writes again, and finds every node it writes by element id.
// No params.
MATCH (n:{{entity_label}})
RETURN n.id AS id, elementId(n) AS element, [l IN labels(n) WHERE l <> '{{entity_label}}'][0] AS label
