// entities: a page of nodes, optionally of one label and kind, ordered by id.
// Params: $label and $kind ('' for any), $skip, $limit.
MATCH (n:{{entity_label}})
WHERE ($label = '' OR $label IN labels(n)) AND ($kind = '' OR n.kind = $kind)
RETURN n
ORDER BY n.id
SKIP $skip
LIMIT $limit
