// Takes the agency's write lock, then reads it (see lock-action).
MATCH (g:Agency {id: $id})
SET g._lock = true
REMOVE g._lock
RETURN g {.id, .state, .name, .kind, .contact} AS agency
