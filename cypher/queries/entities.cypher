// entities: a page of nodes, optionally of one label and kind, ordered by id.
// Params: $label (label name or null), $kind (or null), $skip, $limit.
MATCH (n:Entity)
WHERE ($label IS NULL OR $label IN labels(n)) AND ($kind IS NULL OR n.kind = $kind)
RETURN n
ORDER BY n.id
SKIP $skip
LIMIT $limit
