// Writes the action's new state (every field; the service merged the changes into the old one)
// and replaces its links; the version goes up by one.
MATCH (a:FollowUpAction {id: $id})
SET a.version = a.version + 1, a.updatedAt = datetime(), a.title = $title,
    a.description = $description, a.status = $status, a.startDate = date($startDate),
    a.dueDate = date($dueDate), a.completedDate = date($completedDate)
WITH a
CALL (a) {
  MATCH (a)-[l:ADDRESSES]->(r:Recommendation)
  WHERE NOT r.id IN $recommendationIds
  DELETE l
}
CALL (a) {
  UNWIND $recommendationIds AS rid
  MATCH (r:Recommendation {id: rid})
  MERGE (a)-[:ADDRESSES]->(r)
}
CALL (a) {
  MATCH (g:Agency)-[l:RESPONSIBLE_FOR]->(a)
  WHERE NOT g.id IN $agencyIds
  DELETE l
}
CALL (a) {
  UNWIND $agencyIds AS gid
  MATCH (g:Agency {id: gid})
  MERGE (g)-[:RESPONSIBLE_FOR]->(a)
}
RETURN a.version AS version
