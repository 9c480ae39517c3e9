// search: nodes a folded query finds (lower case, accents removed, punctuation a space: see
// rows.fold_for_search), best first: 6 an exact name (or the node's own id), 5 a name's
// beginning, 4 a whole word in a name, 3 a word's beginning in a name; 2 a word or a word's
// beginning in the text tier (gloss, purpose, text, theme, note) or in the kind's words;
// 1 a substring anywhere. Names are the node's names and abbreviations, other spellings,
// codes, case numbers and identifiers. Ties: current before retired (status ended, replaced
// or removed, or valid_to before $today), then shorter names, then ids; before those, at
// an equal score, a node of a kind the query names (by_text 0), so that "result area" lists
// the result areas before a note that mentions one.
// search_names / search_text are '| term one | term two |'. The kinds whose words the query
// is in are worked out beforehand (app/model/kind_words.py): $kinds (any way), $word_kinds
// (as a word or a word's beginning); each holds at least '' so that its type is known.
// Params: $q (folded), $id (the query as typed, for an id), $kinds, $word_kinds, $today
// Params: $label and $kind ('' for any), $valid_lo, $valid_hi
// The best 1000 only: pages are cut from them (a LIMIT parameter costs LadybugDB ~8 ms a
// query). Only ids, labels and ranks come back: LadybugDB reads every column a statement
// returns for every node it scans, so a page's nodes are read afterwards by id (search_hits).
MATCH (n:{{entity_label}})
WHERE (n.search_text CONTAINS $q OR n.kind IN $kinds OR n.id = $id)
  AND ($label = '' OR $label IN labels(n))
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
RETURN n.id AS id, [l IN labels(n) WHERE l <> '{{entity_label}}'][0] AS label, score, retired
ORDER BY score DESC, by_text, retired, size(n.name), id
LIMIT 1000
