// entities_count: see entities_count.cypher. Params: $label and $kind ('' for any).
MATCH (n)
WHERE NOT label(n) IN {{internal_labels}}
  AND ($label = '' OR label(n) = $label)
  AND ($kind = '' OR n.kind = $kind)
RETURN count(n) AS total
