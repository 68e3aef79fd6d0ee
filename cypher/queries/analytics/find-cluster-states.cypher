// The states that have overlap clusters.
MATCH (c:OverlapCluster)
RETURN DISTINCT c.state AS state
ORDER BY state
