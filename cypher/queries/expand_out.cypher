// expand_out: one step outwards: for each id in $ids, its outgoing relationships of the given
// types and the nodes they lead to. The building block of every walk in app/graph/walk.py.
// Params: $ids (node ids), $types (relationship types from the vocabulary), $qualifiers
// (mode / role / kind / channel values to keep; empty keeps all), $valid_lo and $valid_hi
// (the edge and the node must be valid somewhere in [lo, hi]; an "as of" day sets both),
// $limit (caps the rows, so that one step over a huge graph stays bounded).
UNWIND $ids AS origin
MATCH (n:Entity {id: origin})-[r]->(other:Entity)
WHERE type(r) IN $types
  AND (size($qualifiers) = 0 OR coalesce(r.mode, r.role, r.kind, r.channel) IN $qualifiers)
  AND (r.valid_from_date IS NULL OR r.valid_from_date <= date($valid_hi)) AND (r.valid_to_date IS NULL OR r.valid_to_date >= date($valid_lo))
  AND (other.valid_from_date IS NULL OR other.valid_from_date <= date($valid_hi)) AND (other.valid_to_date IS NULL OR other.valid_to_date >= date($valid_lo))
RETURN origin, r AS rel, other AS node
LIMIT $limit
