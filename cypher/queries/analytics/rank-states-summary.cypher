// rank-states without a filter: the same page, read from each state's stored figures
// (write-state-summaries) instead of aggregating every cluster.
MATCH (s:State)
WHERE s.neglectClusters > 0 AND s.neglectMultiSource >= $minMultiSource
WITH s.iso3 AS state, s.neglectClusters AS clusters, s.neglectMultiSource AS multiSourceClusters,
     s.neglectNeglected AS neglectedClusters, s.neglectTopThemes AS topThemes,
     CASE WHEN s.neglectMultiSource = 0 THEN 0.0
          ELSE toFloat(s.neglectNeglected) / s.neglectMultiSource END AS index
WITH state, clusters, multiSourceClusters, neglectedClusters, topThemes, index,
     right('0000000' + toString(toInteger(round((1.0 - index) * 1000000))), 7) + ':' +
     right('0000000' + toString(9999999 - neglectedClusters), 7) + ':' + state AS key
WHERE ($after IS NULL OR key > $after) AND ($before IS NULL OR key < $before)
RETURN key, state, clusters, multiSourceClusters, neglectedClusters, index, topThemes
ORDER BY CASE WHEN $forward THEN key END ASC, CASE WHEN $forward THEN null ELSE key END DESC
LIMIT toInteger($limit)
