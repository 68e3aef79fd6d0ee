// Records that these recommendations were compared by this detector version.
UNWIND $ids AS id
MATCH (r:Recommendation {id: id})
SET r.overlapDetector = $version
