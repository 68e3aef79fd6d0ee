// The SAME_AS links of each recommendation, in either direction, best score first.
UNWIND $ids AS id
MATCH (r:Recommendation {id: id})
OPTIONAL MATCH (r)-[s:SAME_AS]-(other:Recommendation)
WITH id, s, other ORDER BY s.score DESC, other.id
RETURN id AS key,
       collect(CASE WHEN s IS NULL THEN null ELSE {
         otherId: other.id, status: s.status, method: s.method, score: s.score,
         sharedTerms: coalesce(s.sharedTerms, []), reviewedBy: s.reviewedBy,
         reviewedAt: toString(s.reviewedAt), reviewNote: s.reviewNote
       } END) AS items
