// changes_nodes: see changes_nodes.cypher. Params: $first_day, $last_day (ISO dates).
MATCH (n)
WHERE NOT label(n) IN ['OrgMapMeta', 'EntityIndex']
  AND ((n.valid_from_date >= date($first_day) AND n.valid_from_date <= date($last_day))
    OR (n.valid_to_date >= date($first_day) AND n.valid_to_date <= date($last_day)))
RETURN n
ORDER BY n.id
