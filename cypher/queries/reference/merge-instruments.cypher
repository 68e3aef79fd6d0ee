UNWIND $instruments AS row
MATCH (m:Mechanism {code: row.monitoredBy})
MERGE (i:Instrument {code: row.code})
SET i.name = row.name, i.adoptedYear = toInteger(row.adoptedYear)
MERGE (i)-[:MONITORED_BY]->(m)
