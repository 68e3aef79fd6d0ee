// The links of one state that clusters are built from (every pair not rejected by a reviewer),
// with what a cluster records of its members.
MATCH (a:Recommendation {state: $state})-[o:OVERLAPS]->(b:Recommendation)
WHERE o.status <> 'REJECTED'
RETURN a.id AS a, b.id AS b, a.mechanism AS aMechanism, a.year AS aYear,
       b.mechanism AS bMechanism, b.year AS bYear
