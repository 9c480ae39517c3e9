// changes_nodes: see changes_nodes.cypher. Params: $change, $first_day, $last_day, $limit.
MATCH (n)
WHERE NOT label(n) IN {{internal_labels}}
WITH n, CASE $change WHEN 'began' THEN n.valid_from_date ELSE n.valid_to_date END AS day
WHERE day >= date($first_day) AND day <= date($last_day)
RETURN n, day
ORDER BY day, n.id
LIMIT $limit
