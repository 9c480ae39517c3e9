// entities_count: how many nodes the same filters as `entities` match.
// Params: $label and $kind ('' for any).
MATCH (n:{{entity_label}})
WHERE ($label = '' OR $label IN labels(n)) AND ($kind = '' OR n.kind = $kind)
RETURN count(n) AS total
