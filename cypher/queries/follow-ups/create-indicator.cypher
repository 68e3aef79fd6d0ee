MATCH (a:FollowUpAction {id: $actionId})
CREATE (a)-[:MEASURED_BY]->(i:Indicator {id: $id, name: $name, baseline: $baseline,
                                         target: $target, unit: $unit, createdAt: datetime()})
RETURN i {.id, .name, .baseline, .target, .unit, measurements: []} AS indicator
