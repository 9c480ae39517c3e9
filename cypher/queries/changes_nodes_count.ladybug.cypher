// changes_nodes_count: see changes_nodes_count.cypher. Params: $first_day, $last_day.
MATCH (n)
WHERE NOT label(n) IN {{internal_labels}}
RETURN sum(CASE WHEN n.valid_from_date >= date($first_day) AND n.valid_from_date <= date($last_day) THEN 1 ELSE 0 END)
     + sum(CASE WHEN n.valid_to_date >= date($first_day) AND n.valid_to_date <= date($last_day) THEN 1 ELSE 0 END) AS total
