// changes_edges: relationships that began or ended between $first_day and $last_day (inclusive), with
// both ends. Params: $first_day, $last_day (ISO dates).
MATCH (a)-[r]->(b)
WHERE (r.valid_from_date >= date($first_day) AND r.valid_from_date <= date($last_day))
   OR (r.valid_to_date >= date($first_day) AND r.valid_to_date <= date($last_day))
RETURN a.id AS start, b.id AS finish, r AS rel
ORDER BY r.id
