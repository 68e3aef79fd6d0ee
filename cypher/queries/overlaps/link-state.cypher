// The state the stored link a -> b belongs to (both ends are addressed to it), read before the
// review's transaction writes anything.
MATCH (a:Recommendation {id: $a})-[:OVERLAPS]->(:Recommendation {id: $b})
RETURN a.state AS state
