// A new action with the recommendations it addresses and the agencies responsible (all checked
// by the service to exist and belong to the action's state).
CREATE (a:FollowUpAction {
  id: $id, state: $state, title: $title, description: $description, status: $status,
  startDate: date($startDate), dueDate: date($dueDate), completedDate: date($completedDate),
  version: 1, createdAt: datetime(), createdBy: $actor, updatedAt: datetime()
})
WITH a
CALL (a) {
  UNWIND $recommendationIds AS rid
  MATCH (r:Recommendation {id: rid})
  CREATE (a)-[:ADDRESSES]->(r)
}
CALL (a) {
  UNWIND $agencyIds AS gid
  MATCH (g:Agency {id: gid})
  CREATE (g)-[:RESPONSIBLE_FOR]->(a)
}
RETURN a.id AS id
