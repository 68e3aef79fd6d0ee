// The history of an entity and of the entities that belong to it (an action's progress updates
// and indicators), newest first (`at` is the wall clock to the
// microsecond, so entries of one entity do not tie).
CALL (){
  MATCH (e:AuditEvent {entityId: $entityId}) RETURN e
  UNION
  MATCH (e:AuditEvent {parentId: $entityId}) RETURN e
}
RETURN e {.id, .actor, .role, .operation, .entityType, .entityId, .parentId, .state, .before,
          .after, at: toString(e.at)} AS event
ORDER BY e.at DESC, e.id DESC
LIMIT toInteger($limit)
