// expand_in: one step inwards to one node: its relationships of the types {{types}} and
// the nodes they come from, both valid somewhere in [$valid_lo, $valid_hi] (an "as of" day is
// both ends). The building block of every walk in app/graph/walk.py, one node at a time:
// LadybugDB uses its primary-key index only for one labelled node.
// Params: $id, $valid_lo, $valid_hi, a literal LIMIT (a parameter there costs LadybugDB ~8 ms). Slots: {{label}}, {{types}}.
MATCH (n:{{label}} {id: $id})<-[r:{{types}}]-(other)
WITH r, other
WHERE (r.valid_from_date IS NULL OR r.valid_from_date <= date($valid_hi))
  AND (r.valid_to_date IS NULL OR r.valid_to_date >= date($valid_lo))
  AND (other.valid_from_date IS NULL OR other.valid_from_date <= date($valid_hi))
  AND (other.valid_to_date IS NULL OR other.valid_to_date >= date($valid_lo))
RETURN r AS rel, other AS node
LIMIT 100001
