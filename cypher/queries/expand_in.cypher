// expand_in: one step inwards to one node: its relationships of the types {{types}} and
// the nodes they come from, both valid somewhere in [$valid_lo, $valid_hi] (an "as of" day is
// both ends). The building block of every walk in app/graph/walk.py, one node at a time:
// LadybugDB uses its primary-key index only for one labelled node.
// Params: $id, $valid_lo, $valid_hi; the LIMIT is a literal (as a parameter it costs
// LadybugDB about 8 ms a query). Slots: {{label}}, {{types}}.
// The far node comes back as the columns answers name it by, its validity included (a whole
// node row costs LadybugDB three times as much).
MATCH (n:{{label}} {id: $id})<-[r:{{types}}]-(other)
WITH r, other
WHERE (r.valid_from_date IS NULL OR r.valid_from_date <= date($valid_hi))
  AND (r.valid_to_date IS NULL OR r.valid_to_date >= date($valid_lo))
  AND (other.valid_from_date IS NULL OR other.valid_from_date <= date($valid_hi))
  AND (other.valid_to_date IS NULL OR other.valid_to_date >= date($valid_lo))
RETURN r AS rel, other.id AS id, [l IN labels(other) WHERE l <> '{{entity_label}}'][0] AS label,
       other.kind AS kind, other.name AS name, other.name_fi AS name_fi,
       other.name_sv AS name_sv, other.name_en AS name_en, other.gloss_en AS gloss_en,
       other.country AS country, other.valid_from AS valid_from, other.valid_to AS valid_to
LIMIT 100001
