// unchaired_groups: bodies of the given kinds with no stated chair (no MEMBER_OF with role
// chair into them, by a seat or a person). Params: $kinds, $valid_lo, $valid_hi.
MATCH (g:Organization)
WHERE g.kind IN $kinds
  AND (g.valid_from_date IS NULL OR g.valid_from_date <= date($valid_hi)) AND (g.valid_to_date IS NULL OR g.valid_to_date >= date($valid_lo))
  AND NOT EXISTS {
    MATCH (x)-[r:MEMBER_OF]->(g)
    WHERE r.role = 'chair' AND (r.valid_from_date IS NULL OR r.valid_from_date <= date($valid_hi)) AND (r.valid_to_date IS NULL OR r.valid_to_date >= date($valid_lo))
  }
RETURN g
ORDER BY g.id
