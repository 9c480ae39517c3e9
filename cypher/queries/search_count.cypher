// search_count: how many nodes `search` matches with the same filters, but for the node whose
// id was typed (read.search adds it: reading every id would cost this scan 40 %).
// Params: $q, $kinds, $label, $kind, $valid_lo, $valid_hi.
MATCH (n:{{entity_label}})
WHERE (n.search_text CONTAINS $q OR n.kind IN $kinds)
  AND ($label = '' OR $label IN labels(n))
  AND ($kind = '' OR n.kind = $kind)
  AND (n.valid_from_date IS NULL OR n.valid_from_date <= date($valid_hi)) AND (n.valid_to_date IS NULL OR n.valid_to_date >= date($valid_lo))
RETURN count(n) AS total
