// stats_nodes: node counts per label and kind, of the nodes valid in [$valid_lo, $valid_hi].
// Params: $valid_lo, $valid_hi.
MATCH (n:{{entity_label}})
WHERE (n.valid_from_date IS NULL OR n.valid_from_date <= date($valid_hi)) AND (n.valid_to_date IS NULL OR n.valid_to_date >= date($valid_lo))
UNWIND [l IN labels(n) WHERE l <> '{{entity_label}}'] AS label
RETURN label, n.kind AS kind, count(*) AS count
ORDER BY label, kind
