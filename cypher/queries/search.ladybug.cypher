// search: see search.cypher (same ranking). LadybugDB names a node's label with label().
// Params: $q, $label, $kind, $valid_lo, $valid_hi; the best 1000 (see search.cypher).
MATCH (n)
WHERE n.search_text CONTAINS $q
  AND NOT label(n) IN ['OrgMapMeta', 'EntityIndex']
  AND ($label = '' OR label(n) = $label)
  AND ($kind = '' OR n.kind = $kind)
  AND (n.valid_from_date IS NULL OR n.valid_from_date <= date($valid_hi)) AND (n.valid_to_date IS NULL OR n.valid_to_date >= date($valid_lo))
WITH n,
     CASE
       WHEN n.search_names CONTAINS ('| ' + $q + ' |') THEN 6
       WHEN n.search_names CONTAINS ('| ' + $q) THEN 5
       WHEN n.search_names CONTAINS (' ' + $q) THEN 4
       WHEN n.search_text CONTAINS ('| ' + $q + ' |') THEN 3
       WHEN n.search_text CONTAINS ('| ' + $q) OR n.search_text CONTAINS (' ' + $q) THEN 2
       ELSE 1
     END AS score
RETURN n.id AS id, label(n) AS label, n.kind AS kind, n.name AS name, n.name_fi AS name_fi,
       n.name_sv AS name_sv, n.name_en AS name_en, n.gloss_en AS gloss_en, n.country AS country,
       score
ORDER BY score DESC, size(name), id
LIMIT 1000
