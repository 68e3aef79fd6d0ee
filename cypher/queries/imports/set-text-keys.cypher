UNWIND $rows AS row
MATCH (r:Recommendation {id: row.id})
SET r.textKey = row.textKey
