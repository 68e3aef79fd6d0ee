UNWIND $ids AS id
MATCH (r:Recommendation {id: id})
OPTIONAL MATCH (r)-[:SUPPORTS_SDG]->(t:SdgTarget)
WITH id, t ORDER BY t.code
RETURN id AS key, collect(t {.code, .goal, .title, .titleFr, .titleEs}) AS items
