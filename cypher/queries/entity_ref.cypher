// entity_ref: what names the node with id $id and label {{label}} (see entity_label): the
// columns expand_in / expand_out give for the nodes they reach, validity included (answers
// mark an entity without dates `undated`, and check an as-of day against it). Several times cheaper than
// `entity` at a million nodes, where a whole node costs more than the lookup.
// Params: $id. Slots: {{label}}.
MATCH (n:{{label}} {id: $id})
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.name_fi AS name_fi,
       n.name_sv AS name_sv, n.name_en AS name_en, n.gloss_en AS gloss_en,
       n.country AS country, n.valid_from AS valid_from, n.valid_to AS valid_to
