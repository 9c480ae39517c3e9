// relabel_nodes: give one batch of held nodes whose id now names a node of another label that
// label: {{start}} is the one they had, {{label}} the one they get (update_nodes then sets
// their properties).
// Params: $elements (element ids). Slots: {{start}}, {{label}}.
UNWIND $elements AS element
MATCH (n:{{start}})
WHERE elementId(n) = element
REMOVE n:{{start}}
SET n:{{label}}
