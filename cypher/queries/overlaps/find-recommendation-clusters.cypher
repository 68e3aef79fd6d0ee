// The overlap cluster each recommendation belongs to, if any.
UNWIND $ids AS id
MATCH (c:OverlapCluster)-[:HAS_MEMBER]->(r:Recommendation {id: id})
RETURN id AS key, c.id AS id, c.state AS state, c.size AS size, c.mechanisms AS mechanisms,
       c.mechanismCount AS mechanismCount, c.years AS years, c.firstYear AS firstYear,
       c.lastYear AS lastYear
