// stats_edges: relationship counts per type and qualifier (mode, role, kind or channel).
// No params.
MATCH ()-[r]->()
RETURN type(r) AS type, coalesce(r.mode, r.role, r.kind, r.channel) AS qualifier, count(*) AS count
ORDER BY type, qualifier
