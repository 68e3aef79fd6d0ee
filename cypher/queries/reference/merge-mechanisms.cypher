// Mechanisms, then the body each belongs to: (:Mechanism)-[:PART_OF]->(:Mechanism), e.g. the
// IACHR Rapporteurship on the Rights of Women to the IACHR (docs/graph-model.md). A parent the
// table no longer gives is unlinked.
UNWIND $mechanisms AS row
MERGE (m:Mechanism {code: row.code})
SET m.name = row.name, m.kind = row.kind, m.system = row.system
WITH count(*) AS merged
UNWIND $mechanisms AS row
MATCH (m:Mechanism {code: row.code})
CALL (m, row) {
  MATCH (m)-[old:PART_OF]->(p:Mechanism)
  WHERE row.parent IS NULL OR p.code <> row.parent
  DELETE old
}
WITH m, row
WHERE row.parent IS NOT NULL
MATCH (p:Mechanism {code: row.parent})
MERGE (m)-[:PART_OF]->(p)
