// edges_among: see edges_among.cypher; LadybugDB names a node's label with label().
// Params: $id, $ids. Slots: {{start}}, {{types}}.
MATCH (a:{{start}} {id: $id})-[r:{{types}}]->(b)
WHERE b.id IN $ids
RETURN r AS rel, b.id AS finish, label(b) AS finish_label
