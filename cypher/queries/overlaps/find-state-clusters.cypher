// One page of a state's overlap clusters: most mechanisms first, then largest, then by id. The
// sort key is zero-padded so that string order is that order (it is also the cursor).
MATCH (c:OverlapCluster {state: $state})
WHERE c.mechanismCount >= $minMechanisms
WITH c, right('0000' + toString(9999 - c.mechanismCount), 4) + ':' +
        right('00000000' + toString(99999999 - c.size), 8) + ':' + c.id AS key
WHERE ($after IS NULL OR key > $after) AND ($before IS NULL OR key < $before)
RETURN key, c.id AS id, c.state AS state, c.size AS size, c.mechanisms AS mechanisms,
       c.mechanismCount AS mechanismCount, c.years AS years, c.firstYear AS firstYear,
       c.lastYear AS lastYear
ORDER BY CASE WHEN $forward THEN key END ASC, CASE WHEN $forward THEN null ELSE key END DESC
LIMIT toInteger($limit)
