// data_dates: every distinct pair of first and last day of validity held by a node or a
// relationship (the days on which the graph changes: the time slider's stops). No params.
MATCH (n:{{entity_label}})
WHERE n.valid_from_date IS NOT NULL OR n.valid_to_date IS NOT NULL
RETURN DISTINCT n.valid_from_date AS first_day, n.valid_to_date AS last_day
UNION
MATCH ()-[r]->()
WHERE r.valid_from_date IS NOT NULL OR r.valid_to_date IS NOT NULL
RETURN DISTINCT r.valid_from_date AS first_day, r.valid_to_date AS last_day
