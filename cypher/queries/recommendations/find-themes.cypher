UNWIND $ids AS id
MATCH (r:Recommendation {id: id})
OPTIONAL MATCH (r)-[:HAS_THEME]->(t:Theme)
WITH id, t ORDER BY t.scheme, t.code
RETURN id AS key, collect(t {.scheme, .code, .label}) AS items
