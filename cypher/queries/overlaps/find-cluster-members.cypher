// The members of each cluster, oldest first.
UNWIND $ids AS id
MATCH (c:OverlapCluster {id: id})-[:HAS_MEMBER]->(r:Recommendation)
WITH id, r ORDER BY r.year, r.id
RETURN id AS key, collect(r.id) AS items
