// search: nodes whose names or other spellings contain the folded query (lower case, accents
// removed), best first: a node's own names (fi / sv / en, abbreviations) before its other
// spellings and English gloss; in each, an exact name before a name prefix before a word
// prefix; a bare substring last (scores 6 to 1). Then shorter names, then ids.
// search_names / search_text are '| name one | name two |'.
// Params: $q (already folded), $label and $kind ('' for any), $valid_lo, $valid_hi. The best 1000 only:
// pages are cut from them (a LIMIT parameter costs LadybugDB ~8 ms a query). The hits come
// back as the columns answers name them by: a whole node row costs three times as much.
MATCH (n:Entity)
WHERE n.search_text CONTAINS $q
  AND ($label = '' OR $label IN labels(n))
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
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.kind AS kind, n.name AS name, n.name_fi AS name_fi,
       n.name_sv AS name_sv, n.name_en AS name_en, n.gloss_en AS gloss_en, n.country AS country,
       score
ORDER BY score DESC, size(name), id
LIMIT 1000
