// For each incoming pledge: does it exist, and what did this source say last time?
UNWIND $rows AS row
OPTIONAL MATCH (p:Pledge {id: row.id})
OPTIONAL MATCH (src:SourceRecord {dataset: row.source.dataset, sourceId: row.source.id})
RETURN row.index AS index, p IS NOT NULL AS exists, src IS NOT NULL AS sourceExists,
       src.contentHash AS contentHash, null AS adoptedId
