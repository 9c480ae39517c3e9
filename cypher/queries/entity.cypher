// entity: one node by id, with every property it has.
// Params: $id (slug). Every graph node also carries the :Entity label in Neo4j.
MATCH (n:Entity {id: $id})
RETURN n
LIMIT 1
