// How many states rank-states lists for the filter.
// With a state or regions, the clusters are found through those states (the state index);
// else all are read.
CALL () {
  WITH 1 AS all WHERE $state IS NULL AND $regions IS NULL
  MATCH (c:OverlapCluster)
  RETURN c
  UNION ALL
  MATCH (s:State)
  WHERE ($state IS NOT NULL OR $regions IS NOT NULL)
    AND ($state IS NULL OR s.iso3 = $state)
    AND ($regions IS NULL OR EXISTS {
      (s)-[:IN_REGION]->(:Region)-[:PART_OF*0..4]->(g:Region) WHERE g.code IN $regions
    })
  MATCH (c:OverlapCluster {state: s.iso3})
  RETURN c
}
WITH c
WHERE c.neglected IS NOT NULL AND ($state IS NULL OR c.state = $state)
  AND ($mechanisms IS NULL OR any(m IN c.mechanisms WHERE m IN $mechanisms))
  AND ($spansMechanisms IS NULL OR (coalesce(c.mechanismCount, 0) >= 2) = $spansMechanisms)
  AND ($themes IS NULL OR any(k IN c.themes WHERE split(k, ':')[1] IN $themes OR k IN $themes))
  AND ($from IS NULL OR c.lastYear >= $from)
  AND ($to IS NULL OR c.firstYear <= $to)
  AND ($regions IS NULL OR any(g IN c.regions WHERE g IN $regions))
WITH c.state AS state, count(CASE WHEN c.multiSource THEN 1 END) AS multiSourceClusters
WHERE multiSourceClusters >= $minMultiSource
RETURN count(state) AS count
