// The members of overlap clusters (an action can address a whole cluster).
UNWIND $ids AS id
OPTIONAL MATCH (c:OverlapCluster {id: id})-[:HAS_MEMBER]->(r:Recommendation)
RETURN id, c.state AS state, collect(r.id) AS members
