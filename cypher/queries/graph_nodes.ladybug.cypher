// graph_nodes: see graph_nodes.cypher; LadybugDB names a node's label with label().
// Params: $labels and $kinds ([] for any), $valid_lo, $valid_hi, $limit.
MATCH (n)
WHERE NOT label(n) IN {{internal_labels}}
  AND (size($labels) = 0 OR label(n) IN $labels)
  AND (size($kinds) = 0 OR n.kind IN $kinds)
  AND (n.valid_from_date IS NULL OR n.valid_from_date <= date($valid_hi))
  AND (n.valid_to_date IS NULL OR n.valid_to_date >= date($valid_lo))
RETURN n.id AS id, label(n) AS label, n.kind AS kind, n.name AS name, n.name_fi AS name_fi,
       n.name_sv AS name_sv, n.name_en AS name_en, n.gloss_en AS gloss_en, n.country AS country,
       n.valid_from AS valid_from, n.valid_to AS valid_to
ORDER BY id
LIMIT $limit
