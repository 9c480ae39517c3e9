// graph_revision: the revision of the graph in place (no row before the first load): read
// before and after an answer, so that an answer made while a load swapped the graph in is
// made again (app/graph/one_graph.py).
// Params: none.
MATCH (m:{{meta_label}})
WHERE m.id = 'revision'
RETURN m.value AS revision
