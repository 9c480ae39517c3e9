// dump_edges: see dump_edges.cypher; LadybugDB names a node's label with label().
// Params: $after. Slots: {{types}}.
MATCH (a)-[r:{{types}}]->(b)
WHERE r.id > $after
RETURN r AS rel, a.id AS start, label(a) AS start_label, b.id AS finish,
       label(b) AS finish_label
ORDER BY r.id
LIMIT 20000
