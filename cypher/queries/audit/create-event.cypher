// One audit entry, written in the transaction of the change it records.
CREATE (e:AuditEvent {
  id: $id, at: datetime.realtime(), actor: $actor, role: $role, operation: $operation,
  entityType: $entityType, entityId: $entityId, parentId: $parentId, state: $state,
  before: $before, after: $after
})
RETURN e.id AS id
