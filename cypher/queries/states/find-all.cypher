MATCH (s:State)
OPTIONAL MATCH (s)-[:IN_REGION]->(r:Region)
RETURN s {.*, region: r.code} AS state
ORDER BY s.iso3
