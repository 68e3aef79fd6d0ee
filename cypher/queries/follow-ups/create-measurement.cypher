MATCH (i:Indicator {id: $indicatorId})
CREATE (i)-[:HAS_MEASUREMENT]->(m:Measurement {id: $id, date: date($date), value: $value,
                                               note: $note, createdAt: datetime()})
RETURN m {.id, .date, .value, .note} AS measurement
