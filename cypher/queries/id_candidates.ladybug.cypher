// id_candidates: ids starting with $prefix, to suggest the closest ones for an unknown id.
// Params: $prefix, $limit.
MATCH (e:{{index_label}})
WHERE e.id STARTS WITH $prefix
RETURN e.id AS id
LIMIT $limit
