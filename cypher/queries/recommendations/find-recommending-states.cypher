UNWIND $ids AS id
MATCH (r:Recommendation {id: id})
OPTIONAL MATCH (r)-[:RECOMMENDED_BY]->(s:State)
OPTIONAL MATCH (s)-[:IN_REGION]->(region:Region)
WITH id, s, region ORDER BY s.iso3
RETURN id AS key, collect(s {.*, region: region.code}) AS items
