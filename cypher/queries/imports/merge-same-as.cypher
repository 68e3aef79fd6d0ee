// Suggested links between two records of one recommendation that cross-source matching found.
// A link a person already reviewed keeps their decision; the scores are refreshed.
UNWIND $links AS link
MATCH (a:Recommendation {id: link.from})
MATCH (b:Recommendation {id: link.to})
MERGE (a)-[s:SAME_AS]->(b)
  ON CREATE SET s.status = 'SUGGESTED', s.detectedAt = datetime()
SET s.method = link.method, s.score = link.score, s.containment = link.containment,
    s.jaccard = link.jaccard, s.sharedTerms = link.sharedTerms, s.block = link.block,
    s.detectorVersion = link.detectorVersion
RETURN count(s) AS linked
