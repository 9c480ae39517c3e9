// clear_graph: remove the whole OrgMap graph (every :Entity with its relationships, and the
// load facts) inside the load's transaction, so that readers see the old graph until commit.
// No params.
MATCH (n)
WHERE n:Entity OR n:OrgMapMeta
DETACH DELETE n
