// busiest_members: members (seats, persons, organisations) sitting in at least two bodies of
// the given kinds, most bodies first. Params: $kinds, $valid_lo, $valid_hi, $limit.
MATCH (m)-[r:MEMBER_OF]->(g:Organization)
WHERE g.kind IN $kinds AND (r.valid_from_date IS NULL OR r.valid_from_date <= date($valid_hi)) AND (r.valid_to_date IS NULL OR r.valid_to_date >= date($valid_lo)) AND (g.valid_from_date IS NULL OR g.valid_from_date <= date($valid_hi)) AND (g.valid_to_date IS NULL OR g.valid_to_date >= date($valid_lo)) AND (m.valid_from_date IS NULL OR m.valid_from_date <= date($valid_hi)) AND (m.valid_to_date IS NULL OR m.valid_to_date >= date($valid_lo))
WITH m, collect(DISTINCT g) AS groups
WHERE size(groups) >= 2
RETURN m, groups
ORDER BY size(groups) DESC, m.id
LIMIT $limit
