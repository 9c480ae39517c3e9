// entities_count: how many nodes the same filters as `entities` match.
// Params: $label (label name or null), $kind (or null). Nulls cast as in entities.
WITH CAST($label AS STRING) AS wanted_label, CAST($kind AS STRING) AS wanted_kind
MATCH (n)
WHERE label(n) <> 'OrgMapMeta'
  AND (wanted_label IS NULL OR label(n) = wanted_label)
  AND (wanted_kind IS NULL OR n.kind = wanted_kind)
RETURN count(n) AS total
