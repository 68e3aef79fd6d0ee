// Mechanisms are data: a code not yet known is created (kind OTHER unless the row says otherwise).
UNWIND $mechanisms AS row
OPTIONAL MATCH (existing:Mechanism {code: row.code})
WITH row, existing IS NULL AS missing
MERGE (m:Mechanism {code: row.code})
  ON CREATE SET m.kind = coalesce(row.kind, 'OTHER'), m.name = coalesce(row.name, row.code)
RETURN row.code AS code, missing AS created
