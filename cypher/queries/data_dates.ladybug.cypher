// data_dates: see data_dates.cypher. No params.
MATCH (n)
WHERE NOT label(n) IN {{internal_labels}} AND (n.valid_from_date IS NOT NULL OR n.valid_to_date IS NOT NULL)
RETURN DISTINCT n.valid_from_date AS first_day, n.valid_to_date AS last_day
UNION
MATCH ()-[r]->()
WHERE r.valid_from_date IS NOT NULL OR r.valid_to_date IS NOT NULL
RETURN DISTINCT r.valid_from_date AS first_day, r.valid_to_date AS last_day
