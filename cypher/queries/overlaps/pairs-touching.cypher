// The OVERLAPS pairs already stored that touch the given recommendations, as stored: a.id < b.id.
UNWIND $ids AS id
MATCH (r:Recommendation {id: id})-[:OVERLAPS]-(other:Recommendation)
WITH DISTINCT CASE WHEN r.id < other.id THEN [r.id, other.id] ELSE [other.id, r.id] END AS pair
RETURN pair[0] AS a, pair[1] AS b
