// The links of one state that clusters are built from: every link not rejected (a cluster's
// members must all be linked), each saying whether it may join clusters (`joins`: confirmed by a
// reviewer, or a suggestion the detector marked as SAME-grade; links from before that mark:
// scoring at least $minScore). With what a cluster records of its members.
MATCH (a:Recommendation {state: $state})-[o:OVERLAPS]->(b:Recommendation)
WHERE o.status <> 'REJECTED'
RETURN a.id AS a, b.id AS b, o.score AS score, o.status = 'CONFIRMED' AS confirmed,
       (o.status = 'CONFIRMED' OR coalesce(o.clusters, o.score >= $minScore)) AS joins,
       a.mechanism AS aMechanism, a.year AS aYear, b.mechanism AS bMechanism, b.year AS bYear
