// entities: a page of nodes, optionally of one label and kind, ordered by id.
// Params: $label (label name or null), $kind (or null), $skip, $limit.
// LadybugDB types a null parameter as BOOLEAN: cast the optional ones to STRING first.
WITH CAST($label AS STRING) AS wanted_label, CAST($kind AS STRING) AS wanted_kind
MATCH (n)
WHERE label(n) <> 'OrgMapMeta'
  AND (wanted_label IS NULL OR label(n) = wanted_label)
  AND (wanted_kind IS NULL OR n.kind = wanted_kind)
RETURN n
ORDER BY n.id
SKIP $skip
LIMIT $limit
