// States whose analytics figures were never computed (a store from before they existed): a
// cluster without signals or regions, or a state without its summary.
MATCH (c:OverlapCluster)
WHERE c.signals IS NULL OR c.regions IS NULL
   OR EXISTS { MATCH (s:State {iso3: c.state}) WHERE s.neglectClusters IS NULL }
RETURN DISTINCT c.state AS state
ORDER BY state
