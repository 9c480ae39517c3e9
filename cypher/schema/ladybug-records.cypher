// The store's own records in LadybugDB, in a database of their own beside the graph's file
// (app/store/ladybug.py): a load replaces the graph and never these.

// Saved maps: the id, and the map as JSON text (app/model/saved_maps.py).
CREATE NODE TABLE IF NOT EXISTS {{saved_map_label}}(
    id STRING,
    value STRING,
    PRIMARY KEY (id)
);
