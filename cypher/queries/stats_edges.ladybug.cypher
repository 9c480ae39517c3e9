// stats_edges: see stats_edges.cypher. Params: $valid_lo, $valid_hi.
MATCH ()-[r]->()
WHERE (r.valid_from_date IS NULL OR r.valid_from_date <= date($valid_hi)) AND (r.valid_to_date IS NULL OR r.valid_to_date >= date($valid_lo))
RETURN label(r) AS type, coalesce(r.mode, r.role, r.kind, r.channel) AS qualifier, count(*) AS count
ORDER BY type, qualifier
