// stats_edges: relationship counts per type and qualifier (mode, role, kind or channel), of
// the relationships valid in [$valid_lo, $valid_hi]. Params: $valid_lo, $valid_hi.
MATCH ()-[r]->()
WHERE (r.valid_from_date IS NULL OR r.valid_from_date <= date($valid_hi)) AND (r.valid_to_date IS NULL OR r.valid_to_date >= date($valid_lo))
RETURN type(r) AS type, coalesce(r.mode, r.role, r.kind, r.channel) AS qualifier, count(*) AS count
ORDER BY type, qualifier
