MATCH (r:Recommendation)
RETURN count(r) AS count
