// Removes an action with its progress updates, indicators and measurements (the audit entry
// keeps them all in its `before` snapshot).
MATCH (a:FollowUpAction {id: $id})
OPTIONAL MATCH (a)-[:HAS_PROGRESS|MEASURED_BY]->(child)
OPTIONAL MATCH (child)-[:HAS_MEASUREMENT]->(m:Measurement)
WITH a, collect(DISTINCT child) + collect(DISTINCT m) AS children
FOREACH (n IN children | DETACH DELETE n)
DETACH DELETE a
RETURN count(*) AS deleted
