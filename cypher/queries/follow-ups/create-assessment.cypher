MATCH (r:Recommendation {id: $recommendationId})
CREATE (s:Assessment {
  id: $id, assessorKind: $assessorKind, assessor: $assessor, scale: $scale, grade: $grade,
  commonGrade: $commonGrade, date: date($date), sourceDocument: $sourceDocument, note: $note,
  recordedBy: $recordedBy, recordedAt: datetime()
})-[:ASSESSES]->(r)
RETURN s {.id, .assessorKind, .assessor, .scale, .grade, .commonGrade, .date, .sourceDocument,
     .note, .recordedBy, .recordedAt, recommendationId: r.id, state: r.state} AS assessment
