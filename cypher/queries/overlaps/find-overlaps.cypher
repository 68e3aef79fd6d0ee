// The OVERLAPS links of each recommendation, in either direction, best score first.
UNWIND $ids AS id
MATCH (r:Recommendation {id: id})
OPTIONAL MATCH (r)-[o:OVERLAPS]-(other:Recommendation)
WITH id, o, other ORDER BY o.score DESC, other.id
RETURN id AS key,
       collect(CASE WHEN o IS NULL THEN null ELSE {
         selfId: id, otherId: other.id, score: o.score, kind: o.kind, methods: o.methods,
         evidence: {sharedTerms: o.sharedTerms, signature: o.signature, jaccard: o.jaccard,
                   containment: o.containment, json: o.evidence, cosine: o.cosine,
                   parts: o.parts}, status: o.status, reviewedBy: o.reviewedBy,
         reviewedAt: toString(o.reviewedAt), reviewNote: o.reviewNote,
         detectorVersion: o.detectorVersion
       } END) AS items
