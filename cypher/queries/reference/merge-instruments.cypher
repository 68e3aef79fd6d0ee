// Instruments with the code ratification tables use (`sourceCode`), their system and the
// mechanisms that monitor them (one or more: the American Convention has the IACHR and the
// Inter-American Court). A monitoring body the table no longer gives is unlinked.
UNWIND $instruments AS row
MERGE (i:Instrument {code: row.code})
SET i.name = row.name, i.adoptedYear = toInteger(row.adoptedYear), i.sourceCode = row.sourceCode,
    i.system = row.system
WITH i, row
CALL (i, row) {
  MATCH (i)-[old:MONITORED_BY]->(m:Mechanism)
  WHERE NOT m.code IN row.monitoredBy
  DELETE old
}
CALL (i, row) {
  UNWIND row.monitoredBy AS code
  MATCH (m:Mechanism {code: code})
  MERGE (i)-[:MONITORED_BY]->(m)
}
