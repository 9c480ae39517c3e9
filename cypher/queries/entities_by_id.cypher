// entities_by_id: the nodes with the given ids (those that exist), to name them in answers.
// Params: $ids.
UNWIND $ids AS wanted
MATCH (n:Entity {id: wanted})
RETURN n
