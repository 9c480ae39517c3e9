// graph_edges: relationships of the types {{types}} valid in [$valid_lo, $valid_hi] with both
// ends valid too, and the ends as answers name them (validity included): the whole-graph map. The first 20001 in
// id order (the map is capped; one more row says that it was cut).
// Params: $valid_lo, $valid_hi. Slots: {{types}}.
MATCH (a)-[r:{{types}}]->(b)
WHERE (r.valid_from_date IS NULL OR r.valid_from_date <= date($valid_hi))
  AND (r.valid_to_date IS NULL OR r.valid_to_date >= date($valid_lo))
  AND (a.valid_from_date IS NULL OR a.valid_from_date <= date($valid_hi))
  AND (a.valid_to_date IS NULL OR a.valid_to_date >= date($valid_lo))
  AND (b.valid_from_date IS NULL OR b.valid_from_date <= date($valid_hi))
  AND (b.valid_to_date IS NULL OR b.valid_to_date >= date($valid_lo))
RETURN r AS rel, a.id AS start, [l IN labels(a) WHERE l <> '{{entity_label}}'][0] AS start_label, a.kind AS start_kind, a.name AS start_name,
       a.name_fi AS start_name_fi, a.name_sv AS start_name_sv, a.name_en AS start_name_en,
       a.gloss_en AS start_gloss_en, a.country AS start_country,
       a.valid_from AS start_valid_from, a.valid_to AS start_valid_to,
       b.id AS finish, [l IN labels(b) WHERE l <> '{{entity_label}}'][0] AS finish_label, b.kind AS finish_kind, b.name AS finish_name,
       b.name_fi AS finish_name_fi, b.name_sv AS finish_name_sv, b.name_en AS finish_name_en,
       b.gloss_en AS finish_gloss_en, b.country AS finish_country,
       b.valid_from AS finish_valid_from, b.valid_to AS finish_valid_to
ORDER BY r.id
LIMIT 20001
