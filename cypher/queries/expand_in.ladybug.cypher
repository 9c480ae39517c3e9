// expand_in: see expand_in.cypher; LadybugDB names a node's label with label().
// Params: $id, $valid_lo, $valid_hi. Slots: {{label}}, {{types}}.
MATCH (n:{{label}} {id: $id})<-[r:{{types}}]-(other)
WITH r, other
WHERE (r.valid_from_date IS NULL OR r.valid_from_date <= date($valid_hi))
  AND (r.valid_to_date IS NULL OR r.valid_to_date >= date($valid_lo))
  AND (other.valid_from_date IS NULL OR other.valid_from_date <= date($valid_hi))
  AND (other.valid_to_date IS NULL OR other.valid_to_date >= date($valid_lo))
RETURN r AS rel, other.id AS id, label(other) AS label,
       other.kind AS kind, other.name AS name, other.name_fi AS name_fi,
       other.name_sv AS name_sv, other.name_en AS name_en, other.gloss_en AS gloss_en,
       other.country AS country, other.valid_from AS valid_from, other.valid_to AS valid_to
LIMIT 100001
