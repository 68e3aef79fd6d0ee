// The bodies that belong to each mechanism ((:Mechanism)-[:PART_OF]->(:Mechanism),
// docs/graph-model.md), ordered by code, for Mechanism.children.
UNWIND $codes AS code
OPTIONAL MATCH (c:Mechanism)-[:PART_OF]->(:Mechanism {code: code})
WITH code, c
ORDER BY c.code
RETURN code AS key, collect(c {.code, .name, .kind, .system, parent: code}) AS items
