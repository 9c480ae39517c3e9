// changes_nodes: nodes that began or ended between $first_day and $last_day (inclusive), with the
// recorded (possibly partial) dates. Params: $first_day, $last_day (ISO dates).
MATCH (n:Entity)
WHERE (n.valid_from_date >= date($first_day) AND n.valid_from_date <= date($last_day))
   OR (n.valid_to_date >= date($first_day) AND n.valid_to_date <= date($last_day))
RETURN n
ORDER BY n.id
