// changes_edges: relationships that began ($change = 'began') or ended ('ended') between
// $first_day and $last_day (inclusive), with both ends, by that day and then id, the first $limit.
// Params: $change, $first_day, $last_day (ISO dates), $limit.
MATCH (a)-[r]->(b)
WITH a, b, r, CASE $change WHEN 'began' THEN r.valid_from_date ELSE r.valid_to_date END AS day
WHERE day >= date($first_day) AND day <= date($last_day)
RETURN a.id AS start, b.id AS finish, r AS rel, day
ORDER BY day, r.id
LIMIT $limit
