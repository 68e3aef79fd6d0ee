// Locks an indicator and returns it with its action's id and state (see lock-action).
MATCH (a:FollowUpAction)-[:MEASURED_BY]->(i:Indicator {id: $id})
SET i._lock = true
REMOVE i._lock
RETURN a.id AS actionId, a.state AS state, i {.id, .name, .baseline, .target, .unit,
  measurements: COLLECT {
    MATCH (i)-[:HAS_MEASUREMENT]->(m:Measurement)
    RETURN m {.id, .date, .value, .note} ORDER BY m.date, m.id
  }
} AS indicator
