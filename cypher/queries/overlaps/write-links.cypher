// Refreshes pairs that are already stored (a.id < b.id). A reviewed link keeps its status,
// reviewer and note; only the detector's figures are refreshed (and the JSON `evidence` of
// detectors before overlaps-2 dropped). Returns each pair's status.
UNWIND $links AS l
MATCH (a:Recommendation {id: l.a})
MATCH (b:Recommendation {id: l.b})
MERGE (a)-[o:OVERLAPS]->(b)
  ON CREATE SET o.status = 'SUGGESTED'
SET o.score = l.score, o.kind = l.kind, o.methods = l.methods, o.jaccard = l.jaccard,
    o.containment = l.containment, o.clusters = l.clusters,
    o.sharedTerms = l.sharedTerms, o.signature = l.signature, o.cosine = l.cosine, o.parts = l.parts,
    o.detectorVersion = $version, o.detectedAt = datetime()
REMOVE o.evidence
RETURN a.id AS a, b.id AS b, o.status AS status, o.clusters AS clusters, o.score AS score
