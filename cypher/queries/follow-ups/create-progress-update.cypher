// Adds a progress update to an action; when it reports a new status, the action takes it (and
// its version goes up, as for any change to the action).
MATCH (a:FollowUpAction {id: $actionId})
CREATE (a)-[:HAS_PROGRESS]->(p:ProgressUpdate {
  id: $id, date: date($date), status: $status, note: $note, evidenceUrl: $evidenceUrl,
  author: $author, createdAt: datetime()
})
WITH a, p, $status IS NOT NULL AND $status <> a.status AS changes
SET a.version = a.version + CASE WHEN changes THEN 1 ELSE 0 END,
    a.updatedAt = CASE WHEN changes THEN datetime() ELSE a.updatedAt END,
    a.completedDate = CASE
      WHEN changes AND $status = 'COMPLETED' THEN coalesce(a.completedDate, date($date))
      WHEN changes THEN null
      ELSE a.completedDate END,
    a.status = CASE WHEN changes THEN $status ELSE a.status END
RETURN p {.id, .date, .status, .note, .evidenceUrl, .author, .createdAt} AS update
