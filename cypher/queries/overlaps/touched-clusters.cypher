// The clusters the given recommendations belong to, each with all its members, so that an
// incremental run can merge them with its new links.
UNWIND $ids AS id
MATCH (c:OverlapCluster)-[:HAS_MEMBER]->(:Recommendation {id: id})
WITH DISTINCT c
MATCH (c)-[:HAS_MEMBER]->(m:Recommendation)
RETURN c.id AS id, collect({id: m.id, mechanism: m.mechanism, year: m.year}) AS members
