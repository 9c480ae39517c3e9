// interlocks: pairs of bodies (of the given kinds) that share at least $min_shared direct
// members, seats and persons alike, most shared first.
// Params: $kinds, $min_shared, $valid_lo, $valid_hi.
MATCH (m)-[r1:MEMBER_OF]->(g1:Organization), (m)-[r2:MEMBER_OF]->(g2:Organization)
WHERE g1.id < g2.id
  AND g1.kind IN $kinds AND g2.kind IN $kinds
  AND (r1.valid_from_date IS NULL OR r1.valid_from_date <= date($valid_hi)) AND (r1.valid_to_date IS NULL OR r1.valid_to_date >= date($valid_lo)) AND (r2.valid_from_date IS NULL OR r2.valid_from_date <= date($valid_hi)) AND (r2.valid_to_date IS NULL OR r2.valid_to_date >= date($valid_lo))
  AND (g1.valid_from_date IS NULL OR g1.valid_from_date <= date($valid_hi)) AND (g1.valid_to_date IS NULL OR g1.valid_to_date >= date($valid_lo)) AND (g2.valid_from_date IS NULL OR g2.valid_from_date <= date($valid_hi)) AND (g2.valid_to_date IS NULL OR g2.valid_to_date >= date($valid_lo)) AND (m.valid_from_date IS NULL OR m.valid_from_date <= date($valid_hi)) AND (m.valid_to_date IS NULL OR m.valid_to_date >= date($valid_lo))
WITH g1, g2, collect(DISTINCT m) AS shared
WHERE size(shared) >= $min_shared
RETURN g1, g2, shared
ORDER BY size(shared) DESC, g1.id, g2.id
