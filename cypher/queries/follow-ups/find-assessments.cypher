// The assessments of each recommendation, latest first.
UNWIND $ids AS id
MATCH (s:Assessment)-[:ASSESSES]->(r:Recommendation {id: id})
RETURN id, s {.id, .assessorKind, .assessor, .scale, .grade, .commonGrade, .date, .sourceDocument,
     .note, .recordedBy, .recordedAt, recommendationId: r.id, state: r.state} AS assessment
ORDER BY id, s.date DESC, s.recordedAt DESC
