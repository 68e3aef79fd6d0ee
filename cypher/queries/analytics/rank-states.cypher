// One page of states ranked by the neglect index: the share of their multi-source overlap
// clusters that show a signal of non-implementation and no completed action (stored by
// write-cluster-signals). Clusters are filtered first; the sort key is also the cursor.
// A cluster has signals when `neglected` is set (written with them; a boolean reads faster than
// the list). The neglected clusters are kept as nodes, so that only the page's states' themes
// are read, for topThemes.
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
WITH c.state AS state, count(c) AS clusters,
     count(CASE WHEN c.multiSource THEN 1 END) AS multiSourceClusters,
     count(CASE WHEN c.neglected THEN 1 END) AS neglectedClusters,
     collect(CASE WHEN c.neglected THEN c END) AS neglected
WHERE multiSourceClusters >= $minMultiSource
WITH state, clusters, multiSourceClusters, neglectedClusters, neglected,
     CASE WHEN multiSourceClusters = 0 THEN 0.0
          ELSE toFloat(neglectedClusters) / multiSourceClusters END AS index
WITH state, clusters, multiSourceClusters, neglectedClusters, neglected, index,
     right('0000000' + toString(toInteger(round((1.0 - index) * 1000000))), 7) + ':' +
     right('0000000' + toString(9999999 - neglectedClusters), 7) + ':' + state AS key
WHERE ($after IS NULL OR key > $after) AND ($before IS NULL OR key < $before)
WITH state, clusters, multiSourceClusters, neglectedClusters, neglected, index, key
ORDER BY CASE WHEN $forward THEN key END ASC, CASE WHEN $forward THEN null ELSE key END DESC
LIMIT toInteger($limit)
CALL (neglected) {
  UNWIND neglected AS n
  UNWIND n.themes AS k
  WITH k, count(*) AS times
  ORDER BY times DESC, k
  LIMIT 3
  RETURN collect(k) AS topThemes
}
RETURN key, state, clusters, multiSourceClusters, neglectedClusters, index, topThemes
