// changes_nodes_count: how many changes changes_nodes gives for both $change values together:
// nodes whose valid_from (began) or valid_to (ended) falls between $first_day and $last_day.
// Params: $first_day, $last_day (ISO dates).
MATCH (n:{{entity_label}})
RETURN sum(CASE WHEN n.valid_from_date >= date($first_day) AND n.valid_from_date <= date($last_day) THEN 1 ELSE 0 END)
     + sum(CASE WHEN n.valid_to_date >= date($first_day) AND n.valid_to_date <= date($last_day) THEN 1 ELSE 0 END) AS total
