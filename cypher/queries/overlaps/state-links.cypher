// The links of one state that clusters are built from: those a reviewer confirmed, and the
// detector's suggestions marked as joining clusters (links from before that mark: scoring at
// least $minScore); never rejected ones. With what a cluster records of its members.
MATCH (a:Recommendation {state: $state})-[o:OVERLAPS]->(b:Recommendation)
WHERE o.status = 'CONFIRMED' OR (o.status = 'SUGGESTED' AND coalesce(o.clusters, o.score >= $minScore))
RETURN a.id AS a, b.id AS b, a.mechanism AS aMechanism, a.year AS aYear,
       b.mechanism AS bMechanism, b.year AS bYear
