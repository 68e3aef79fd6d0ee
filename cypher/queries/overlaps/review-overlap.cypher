// Records a reviewer's decision on one stored link (a.id < b.id); returns nothing when there is
// no such link.
MATCH (a:Recommendation {id: $a})-[o:OVERLAPS]->(b:Recommendation {id: $b})
WITH a, b, o, o {.status, .reviewedBy, reviewedAt: toString(o.reviewedAt), .reviewNote} AS before
SET o.status = $decision, o.reviewedBy = $reviewer, o.reviewedAt = datetime(),
    o.reviewNote = $note
RETURN a.state AS state, a.id AS selfId, b.id AS otherId, o.score AS score, o.kind AS kind,
       o.methods AS methods, {sharedTerms: o.sharedTerms, signature: o.signature, jaccard: o.jaccard,
        containment: o.containment, json: o.evidence, cosine: o.cosine,
                   parts: o.parts} AS evidence, o.status AS status,
       o.reviewedBy AS reviewedBy, toString(o.reviewedAt) AS reviewedAt,
       o.reviewNote AS reviewNote, o.detectorVersion AS detectorVersion, before
