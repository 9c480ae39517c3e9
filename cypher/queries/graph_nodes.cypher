// graph_nodes: the entities valid in [$valid_lo, $valid_hi], optionally only of some labels and
// kinds, in id order, as answers name them (validity included): the whole-graph map's nodes (those without any
// relationship too). At most $limit.
// Params: $labels and $kinds ([] for any), $valid_lo, $valid_hi, $limit.
MATCH (n:{{entity_label}})
WHERE (size($labels) = 0 OR any(l IN labels(n) WHERE l IN $labels))
  AND (size($kinds) = 0 OR n.kind IN $kinds)
  AND (n.valid_from_date IS NULL OR n.valid_from_date <= date($valid_hi))
  AND (n.valid_to_date IS NULL OR n.valid_to_date >= date($valid_lo))
RETURN n.id AS id, [l IN labels(n) WHERE l <> '{{entity_label}}'][0] AS label, n.kind AS kind,
       n.name AS name, n.name_fi AS name_fi, n.name_sv AS name_sv, n.name_en AS name_en,
       n.gloss_en AS gloss_en, n.country AS country, n.valid_from AS valid_from,
       n.valid_to AS valid_to
ORDER BY id
LIMIT $limit
