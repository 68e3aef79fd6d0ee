// Whether any of the given recommendations is in an overlap cluster: one row if so, none if not.
UNWIND $ids AS id
MATCH (:Recommendation {id: id})<-[:HAS_MEMBER]-(c:OverlapCluster)
RETURN c.id AS id
LIMIT 1
