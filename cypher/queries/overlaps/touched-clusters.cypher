// The stored clusters that hold any of the given recommendations, each with which of them it
// holds, so that an incremental run can grow and merge them.
UNWIND $ids AS id
MATCH (c:OverlapCluster)-[:HAS_MEMBER]->(:Recommendation {id: id})
RETURN c.id AS id, c.size AS size, c.mechanisms AS mechanisms, c.years AS years,
       collect(id) AS holds
