// expand_out_frontier: expand_out for a whole frontier in one statement: for each id in $ids,
// its relationships of the types {{types}} and the nodes they lead to, both valid somewhere in
// [$valid_lo, $valid_hi], with the id they were reached from (`origin`). A walk on a server
// sends this once per level instead of one expand_out per node: each statement is a network
// round trip. The per-node LIMIT is expand_out's, so that a hub trips the same row cap. Neo4j
// only (app/graph/walk.py: LadybugDB serves one labelled node from its primary-key index and
// walks node by node with expand_out).
// Params: $ids, $valid_lo, $valid_hi. Slots: {{types}}.
UNWIND $ids AS origin
MATCH (n:{{entity_label}} {id: origin})
CALL (n) {
  MATCH (n)-[r:{{types}}]->(other)
  WHERE (r.valid_from_date IS NULL OR r.valid_from_date <= date($valid_hi))
    AND (r.valid_to_date IS NULL OR r.valid_to_date >= date($valid_lo))
    AND (other.valid_from_date IS NULL OR other.valid_from_date <= date($valid_hi))
    AND (other.valid_to_date IS NULL OR other.valid_to_date >= date($valid_lo))
  RETURN r, other
  LIMIT 100001
}
RETURN origin, r AS rel, other.id AS id,
       [l IN labels(other) WHERE l <> '{{entity_label}}'][0] AS label,
       other.kind AS kind, other.name AS name, other.name_fi AS name_fi,
       other.name_sv AS name_sv, other.name_en AS name_en, other.gloss_en AS gloss_en,
       other.country AS country, other.valid_from AS valid_from, other.valid_to AS valid_to
