// changes_nodes: nodes that began ($change = 'began': their valid_from) or ended ('ended': their
// valid_to) between $first_day and $last_day (inclusive), by that day and then id, the first
// $limit (a page is cut from them: the engine never hands over more than the page reaches).
// Params: $change, $first_day, $last_day (ISO dates), $limit.
MATCH (n:{{entity_label}})
WITH n, CASE $change WHEN 'began' THEN n.valid_from_date ELSE n.valid_to_date END AS day
WHERE day >= date($first_day) AND day <= date($last_day)
RETURN n, day
ORDER BY day, n.id
LIMIT $limit
