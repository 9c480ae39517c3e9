// expand_in: see expand_in.cypher. LadybugDB has one label per node (no :Entity) and names
// a relationship's type with label(). Params: $ids, $types, $qualifiers, $valid_lo,
// $valid_hi, $limit.
UNWIND $ids AS origin
MATCH (n)<-[r]-(other)
WHERE n.id = origin
  AND label(r) IN $types
  AND (size($qualifiers) = 0 OR coalesce(r.mode, r.role, r.kind, r.channel) IN $qualifiers)
  AND (r.valid_from_date IS NULL OR r.valid_from_date <= date($valid_hi)) AND (r.valid_to_date IS NULL OR r.valid_to_date >= date($valid_lo))
  AND (other.valid_from_date IS NULL OR other.valid_from_date <= date($valid_hi)) AND (other.valid_to_date IS NULL OR other.valid_to_date >= date($valid_lo))
RETURN origin, r AS rel, other AS node
LIMIT $limit
