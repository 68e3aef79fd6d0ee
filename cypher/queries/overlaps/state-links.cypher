// The links of one state that clusters are built from: every pair not rejected by a reviewer.
MATCH (a:Recommendation {state: $state})-[o:OVERLAPS]->(b:Recommendation)
WHERE o.status <> 'REJECTED'
RETURN a.id AS a, b.id AS b
