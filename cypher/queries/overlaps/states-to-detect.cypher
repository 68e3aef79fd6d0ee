// The states with recommendations not yet compared by this detector version: overlapDetector is
// '' (imported, or reworded, since) or another version. Two range seeks on the index, so the
// cost follows what is pending, not the size of the graph.
MATCH (r:Recommendation)
WHERE r.overlapDetector < $version
RETURN DISTINCT r.state AS state
UNION
MATCH (r:Recommendation)
WHERE r.overlapDetector > $version
RETURN DISTINCT r.state AS state
