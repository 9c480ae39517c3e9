// id_candidates: ids starting with $prefix, to suggest the closest ones for an unknown id.
// Params: $prefix, $limit.
MATCH (n)
WHERE n.id STARTS WITH $prefix AND label(n) <> 'OrgMapMeta'
RETURN n.id AS id
LIMIT $limit
