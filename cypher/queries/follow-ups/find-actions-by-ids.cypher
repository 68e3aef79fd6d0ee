// Actions by id, with the ids of what they address and who is responsible (sorted).
UNWIND $ids AS id
MATCH (a:FollowUpAction {id: id})
RETURN a {.id, .state, .title, .description, .status, .startDate, .dueDate, .completedDate,
  .version, .createdAt, .createdBy, .updatedAt,
  recommendationIds: COLLECT { MATCH (a)-[:ADDRESSES]->(r:Recommendation) RETURN r.id ORDER BY r.id },
  agencyIds: COLLECT { MATCH (g:Agency)-[:RESPONSIBLE_FOR]->(a) RETURN g.id ORDER BY g.id }
} AS action
