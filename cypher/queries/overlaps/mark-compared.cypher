// Records that these recommendations were compared by this detector version, with their text
// analysis so that later runs need not analyse them again.
UNWIND $compared AS c
MATCH (r:Recommendation {id: c.id})
SET r.overlapDetector = $version, r.overlapAnalysis = c.analysis
