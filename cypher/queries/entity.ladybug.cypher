// entity: one node by id, with every property it has. LadybugDB has one label per node, so
// the load-metadata table is left out by name. Params: $id (slug).
MATCH (n)
WHERE n.id = $id AND label(n) <> 'OrgMapMeta'
RETURN n
LIMIT 1
