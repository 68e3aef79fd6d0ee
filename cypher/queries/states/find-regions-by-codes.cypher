UNWIND $codes AS code
MATCH (r:Region {code: code})
OPTIONAL MATCH (r)-[:PART_OF]->(p:Region)
RETURN r {.code, .name, .level, parent: p.code} AS region
