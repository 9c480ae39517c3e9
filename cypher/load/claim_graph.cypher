// claim_graph: take the graph's write lock for the rest of the load's transaction, and read
// the revision of the graph in place ('' before the first load). Concurrent loads queue on
// the lock node (unique by id, never cleared), so each sees what the one before committed.
// No params.
MERGE (lock:{{lock_label}} {id: 'graph'})
SET lock.value = toString(datetime())
WITH lock
OPTIONAL MATCH (m:{{meta_label}} {id: 'revision'})
RETURN m.value AS revision
