// The stored clusters that hold any of the given recommendations, each with all its members, so
// that an incremental run can grow them (clusters.ts: a recommendation joins a cluster only if
// it is linked to every member).
UNWIND $ids AS id
MATCH (c:OverlapCluster)-[:HAS_MEMBER]->(:Recommendation {id: id})
WITH DISTINCT c
MATCH (c)-[:HAS_MEMBER]->(m:Recommendation)
RETURN c.id AS id, c.size AS size, c.mechanisms AS mechanisms, c.years AS years,
       collect(m.id) AS members
