// Takes the action's write lock before reading it, so that concurrent updates queue here and
// each one sees the version the previous one committed (the version check is then exact).
MATCH (a:FollowUpAction {id: $id})
SET a._lock = true
REMOVE a._lock
RETURN a {.id, .state, .title, .description, .status, .startDate, .dueDate, .completedDate,
  .version, .createdAt, .createdBy, .updatedAt,
  recommendationIds: COLLECT { MATCH (a)-[:ADDRESSES]->(r:Recommendation) RETURN r.id ORDER BY r.id },
  agencyIds: COLLECT { MATCH (g:Agency)-[:RESPONSIBLE_FOR]->(a) RETURN g.id ORDER BY g.id }
} AS action
