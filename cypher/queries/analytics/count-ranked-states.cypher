// How many states rank-states lists for the filter.
MATCH (c:OverlapCluster)
WHERE c.signals IS NOT NULL AND ($state IS NULL OR c.state = $state)
  AND ($mechanisms IS NULL OR any(m IN c.mechanisms WHERE m IN $mechanisms))
  AND ($themes IS NULL OR any(k IN c.themes WHERE split(k, ':')[1] IN $themes OR k IN $themes))
  AND ($from IS NULL OR c.lastYear >= $from)
  AND ($to IS NULL OR c.firstYear <= $to)
  AND ($regions IS NULL OR any(g IN c.regions WHERE g IN $regions))
WITH c.state AS state, count(CASE WHEN c.multiSource THEN 1 END) AS multiSourceClusters
WHERE multiSourceClusters >= $minMultiSource
RETURN count(state) AS count
