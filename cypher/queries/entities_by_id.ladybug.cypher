// entities_by_id: the nodes with the given ids (those that exist). Params: $ids.
UNWIND $ids AS wanted
MATCH (n)
WHERE n.id = wanted AND label(n) <> 'OrgMapMeta'
RETURN n
