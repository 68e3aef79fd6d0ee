// States with overlap clusters whose analytics signals were never computed (a store from before
// the signals existed).
MATCH (c:OverlapCluster)
WHERE c.signals IS NULL OR c.regions IS NULL
RETURN DISTINCT c.state AS state
ORDER BY state
