// search: see search.cypher (same ranking). LadybugDB names a node's label with label().
// Params: $q, $id, $kinds, $word_kinds, $today, $label, $kind, $valid_lo, $valid_hi
// The best 1000 (see search.cypher).
MATCH (n)
WHERE (n.search_text CONTAINS $q OR n.kind IN $kinds OR n.id = $id)
  AND NOT label(n) IN {{internal_labels}}
  AND ($label = '' OR label(n) = $label)
  AND ($kind = '' OR n.kind = $kind)
  AND (n.valid_from_date IS NULL OR n.valid_from_date <= date($valid_hi)) AND (n.valid_to_date IS NULL OR n.valid_to_date >= date($valid_lo))
WITH n,
     CASE
       WHEN n.id = $id OR n.search_names CONTAINS ('| ' + $q + ' |') THEN 6
       WHEN n.search_names CONTAINS ('| ' + $q) THEN 5
       WHEN n.search_names CONTAINS (' ' + $q + ' ') THEN 4
       WHEN n.search_names CONTAINS (' ' + $q) THEN 3
       WHEN n.search_text CONTAINS (' ' + $q) OR n.kind IN $word_kinds THEN 2
       ELSE 1
     END AS score,
     CASE
       WHEN n.status IN ['ended', 'replaced', 'removed'] OR n.valid_to_date < date($today) THEN 1
       ELSE 0
     END AS retired,
     CASE WHEN n.kind IN $word_kinds THEN 0 ELSE 1 END AS by_text
RETURN n.id AS id, label(n) AS label, score, retired
ORDER BY score DESC, by_text, retired, size(n.name), id
LIMIT 1000
