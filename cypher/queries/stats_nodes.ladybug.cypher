// stats_nodes: node counts per label and kind. No params.
MATCH (n)
WHERE label(n) <> 'OrgMapMeta'
RETURN label(n) AS label, n.kind AS kind, count(*) AS count
ORDER BY label, kind
