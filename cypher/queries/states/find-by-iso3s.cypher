UNWIND $iso3s AS iso3
MATCH (s:State {iso3: iso3})
OPTIONAL MATCH (s)-[:IN_REGION]->(r:Region)
RETURN s {.*, region: r.code} AS state
