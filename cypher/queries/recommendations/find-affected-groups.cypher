UNWIND $ids AS id
MATCH (r:Recommendation {id: id})
OPTIONAL MATCH (r)-[:CONCERNS]->(g:AffectedGroup)
WITH id, g ORDER BY g.code
RETURN id AS key, collect(g {.code, .label}) AS items
