// How many of a state's overlap clusters span at least $minMechanisms mechanisms.
MATCH (c:OverlapCluster {state: $state})
WHERE c.mechanismCount >= $minMechanisms
RETURN count(c) AS count
