// stats_nodes: node counts per label and kind. No params.
MATCH (n:Entity)
UNWIND [l IN labels(n) WHERE l <> 'Entity'] AS label
RETURN label, n.kind AS kind, count(*) AS count
ORDER BY label, kind
