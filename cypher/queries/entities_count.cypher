// entities_count: how many nodes the same filters as `entities` match.
// Params: $label (label name or null), $kind (or null).
MATCH (n:Entity)
WHERE ($label IS NULL OR $label IN labels(n)) AND ($kind IS NULL OR n.kind = $kind)
RETURN count(n) AS total
