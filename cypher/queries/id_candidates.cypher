// id_candidates: ids starting with $prefix, to suggest the closest ones for an unknown id.
// Params: $prefix, $limit.
MATCH (n:{{entity_label}})
WHERE n.id STARTS WITH $prefix
RETURN n.id AS id
LIMIT $limit
