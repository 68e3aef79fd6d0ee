// The progress updates of each action, newest first.
UNWIND $actionIds AS actionId
MATCH (:FollowUpAction {id: actionId})-[:HAS_PROGRESS]->(p:ProgressUpdate)
RETURN actionId, p {.id, .date, .status, .note, .evidenceUrl, .author, .createdAt} AS update
ORDER BY actionId, p.date DESC, p.createdAt DESC
