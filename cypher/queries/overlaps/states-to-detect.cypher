// The states with recommendations not yet compared by this detector version (all states with $full).
MATCH (r:Recommendation)
WHERE $full OR r.overlapDetector IS NULL OR r.overlapDetector <> $version
RETURN DISTINCT r.state AS state
ORDER BY state
