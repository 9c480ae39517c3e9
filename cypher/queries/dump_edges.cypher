// dump_edges: one page of the {{types}} relationships (one type), every stored property, with
// the ids and labels of their ends, in id order after $after ('' for the first page).
// Params: $after. Slots: {{types}}.
MATCH (a)-[r:{{types}}]->(b)
WHERE r.id > $after
RETURN r AS rel, a.id AS start, [l IN labels(a) WHERE l <> '{{entity_label}}'][0] AS start_label,
       b.id AS finish, [l IN labels(b) WHERE l <> '{{entity_label}}'][0] AS finish_label
ORDER BY r.id
LIMIT 20000
