"""The store's own tables and labels, beside the graph's: named here and nowhere else. The
Cypher files write them as slots (`{{meta_label}}` ...) that app/store/statements.py fills,
and tests/store/test_schema.py checks the schema holds them."""

META_LABEL = "OrgMapMeta"
"""A one-row-per-key table beside the graph: when and from what it was loaded, its revision."""
LOCK_LABEL = "OrgMapLock"
"""Neo4j only: the node whose lock serialises writes (a load never clears it)."""
INDEX_LABEL = "EntityIndex"
"""LadybugDB only: every node's id and label, to find a node by id alone through one index."""
ENTITY_LABEL = "Entity"
"""Neo4j only: the second label of every graph node, for id lookups across labels."""
SAVED_MAP_LABEL = "OrgMapSavedMap"
"""One row per saved map (its id, and the map as JSON text): the register's, not one load's,
so every load and import keeps them (app/graph/saved_maps.py). LadybugDB keeps them in a
database of their own beside the graph's file; Neo4j as nodes a load does not clear."""
RECORD_QUERIES = frozenset({"saved_map", "saved_maps"})
"""The queries that read the store's own records rather than the graph."""
INTERNAL_LABELS = (META_LABEL, LOCK_LABEL, INDEX_LABEL, SAVED_MAP_LABEL)
