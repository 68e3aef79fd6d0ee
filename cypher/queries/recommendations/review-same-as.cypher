// Records a reviewer's decision on a SAME_AS link between two recommendations (stored in one
// direction, found in either); returns nothing when there is no such link.
MATCH (a:Recommendation {id: $a})-[s:SAME_AS]-(b:Recommendation {id: $b})
WITH a, b, s LIMIT 1
WITH a, b, s, s {.status, .reviewedBy, reviewedAt: toString(s.reviewedAt), .reviewNote} AS before
SET s.status = $decision, s.reviewedBy = $reviewer, s.reviewedAt = datetime(),
    s.reviewNote = $note
RETURN a.state AS state, before, {
  otherId: b.id, status: s.status, method: s.method, score: s.score,
  sharedTerms: coalesce(s.sharedTerms, []), reviewedBy: s.reviewedBy,
  reviewedAt: toString(s.reviewedAt), reviewNote: s.reviewNote
} AS link
