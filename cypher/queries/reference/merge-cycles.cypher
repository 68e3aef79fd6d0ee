UNWIND $cycles AS row
MATCH (m:Mechanism {code: row.mechanism})
MERGE (c:Cycle {id: row.id})
SET c.mechanism = row.mechanism,
    c.number = toInteger(row.number),
    c.startYear = toInteger(row.startYear),
    c.endYear = toInteger(row.endYear),
    c.firstSession = toInteger(row.firstSession),
    c.lastSession = toInteger(row.lastSession)
MERGE (c)-[:OF_MECHANISM]->(m)
