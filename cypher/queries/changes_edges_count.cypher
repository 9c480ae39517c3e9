// changes_edges_count: how many changes changes_edges gives for both $change values together.
// Params: $first_day, $last_day (ISO dates).
MATCH ()-[r]->()
RETURN sum(CASE WHEN r.valid_from_date >= date($first_day) AND r.valid_from_date <= date($last_day) THEN 1 ELSE 0 END)
     + sum(CASE WHEN r.valid_to_date >= date($first_day) AND r.valid_to_date <= date($last_day) THEN 1 ELSE 0 END) AS total
