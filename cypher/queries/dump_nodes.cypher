// dump_nodes: one page of the {{label}} nodes, every stored property, in id order after $after
// ('' for the first page). Keyset pages: each is served from the id index, however deep.
// Params: $after. Slots: {{label}}.
MATCH (n:{{label}})
WHERE n.id > $after
RETURN n
ORDER BY n.id
LIMIT 20000
