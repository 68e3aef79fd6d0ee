// Recommendations imported before V0009 and never compared have no overlapDetector; they get the
// '' that imports now set, so the index finds them.
MATCH (r:Recommendation)
WHERE r.overlapDetector IS NULL
SET r.overlapDetector = '';
