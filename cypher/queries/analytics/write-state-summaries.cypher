// Each state's neglect figures over all its clusters (what the unfiltered ranking reads), from
// the signals stored on its clusters.
UNWIND $states AS state
MATCH (s:State {iso3: state})
CALL (state) {
  OPTIONAL MATCH (c:OverlapCluster {state: state})
  WHERE c.signals IS NOT NULL
  RETURN count(c) AS clusters,
         count(CASE WHEN c.multiSource THEN 1 END) AS multiSourceClusters,
         count(CASE WHEN c.neglected THEN 1 END) AS neglectedClusters,
         collect(CASE WHEN c.neglected THEN c.themes END) AS neglectedThemes
}
CALL (neglectedThemes) {
  OPTIONAL CALL (neglectedThemes) {
    UNWIND neglectedThemes AS themes
    UNWIND themes AS k
    WITH k, count(*) AS n
    ORDER BY n DESC, k
    LIMIT 3
    RETURN collect(k) AS top
  }
  RETURN coalesce(top, []) AS topThemes
}
SET s.neglectClusters = clusters, s.neglectMultiSource = multiSourceClusters,
    s.neglectNeglected = neglectedClusters, s.neglectTopThemes = topThemes
RETURN count(s) AS written
