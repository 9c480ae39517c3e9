// search_hits: the nodes with label {{label}} and ids $ids, every property: the hits on one
// page of `search`, read by id once the scan has ranked them.
// Params: $ids. Slots: {{label}}.
UNWIND $ids AS hit
MATCH (n:{{label}} {id: hit})
RETURN n
