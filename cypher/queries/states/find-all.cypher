// Every state with its most specific region and that region's ancestors (for region filters at
// any level: 150 Europe, 154 Northern Europe, ...).
MATCH (s:State)
OPTIONAL MATCH (s)-[:IN_REGION]->(r:Region)
OPTIONAL MATCH (r)-[:PART_OF*0..]->(a:Region)
WITH s, r, collect(a.code) AS regions
RETURN s {.*, region: r.code} AS state, regions
ORDER BY s.iso3
