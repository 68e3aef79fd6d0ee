// For each incoming row: does its recommendation exist, and what did this source say last time?
UNWIND $rows AS row
OPTIONAL MATCH (r:Recommendation {id: row.id})
OPTIONAL MATCH (src:SourceRecord {dataset: row.source.dataset, sourceId: row.source.id})
RETURN row.id AS id, r IS NOT NULL AS exists, src.contentHash AS contentHash
