// The indicators of each action with their measurements, oldest measurement first.
UNWIND $actionIds AS actionId
MATCH (:FollowUpAction {id: actionId})-[:MEASURED_BY]->(i:Indicator)
RETURN actionId, i {.id, .name, .baseline, .target, .unit,
  measurements: COLLECT {
    MATCH (i)-[:HAS_MEASUREMENT]->(m:Measurement)
    RETURN m {.id, .date, .value, .note} ORDER BY m.date, m.id
  }
} AS indicator
ORDER BY actionId, i.name, i.id
