// clear_graph: remove the whole OrgMap graph (every :{{entity_label}} with its relationships, and the
// load facts) inside the load's transaction, so that readers see the old graph until commit.
// No params.
MATCH (n)
WHERE n:{{entity_label}} OR n:{{meta_label}}
DETACH DELETE n
