UNWIND $mechanisms AS row
MERGE (m:Mechanism {code: row.code})
SET m.name = row.name, m.kind = row.kind, m.system = row.system
