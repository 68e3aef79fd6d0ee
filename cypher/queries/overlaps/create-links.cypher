// Stores newly detected pairs (none of them is stored yet), once per pair (a.id < b.id).
UNWIND $links AS l
MATCH (a:Recommendation {id: l.a})
MATCH (b:Recommendation {id: l.b})
CREATE (a)-[:OVERLAPS {
  status: 'SUGGESTED', score: l.score, kind: l.kind, methods: l.methods, jaccard: l.jaccard,
  containment: l.containment, clusters: l.clusters,
  sharedTerms: l.sharedTerms, signature: l.signature, cosine: l.cosine, parts: l.parts,
  detectorVersion: $version,
  detectedAt: datetime()
}]->(b)
