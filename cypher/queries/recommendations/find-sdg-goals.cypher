// Goals a recommendation supports, linked directly or through one of the goal's targets.
UNWIND $ids AS id
MATCH (r:Recommendation {id: id})
OPTIONAL MATCH (r)-[:SUPPORTS_SDG]->(x)
OPTIONAL MATCH (x)-[:OF_GOAL]->(viaTarget:SdgGoal)
WITH id, CASE WHEN x:SdgGoal THEN x ELSE viaTarget END AS g
WITH DISTINCT id, g ORDER BY g.number
RETURN id AS key, collect(g {.code, .number, .shortTitle, .title, .titleFr, .titleEs}) AS items
