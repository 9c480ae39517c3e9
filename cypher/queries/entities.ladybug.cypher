// entities: see entities.cypher. Params: $label and $kind ('' for any), $skip, $limit.
MATCH (n)
WHERE NOT label(n) IN {{internal_labels}}
  AND ($label = '' OR label(n) = $label)
  AND ($kind = '' OR n.kind = $kind)
RETURN n
ORDER BY n.id
SKIP $skip
LIMIT $limit
