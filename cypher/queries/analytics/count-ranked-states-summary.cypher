MATCH (s:State)
WHERE s.neglectClusters > 0 AND s.neglectMultiSource >= $minMultiSource
RETURN count(s) AS count
