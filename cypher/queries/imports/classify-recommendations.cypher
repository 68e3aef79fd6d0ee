// For each incoming row: does its recommendation exist, does its source record exist and what
// did that source say last time, and (for rows with a textKey: sources whose ids come from the
// wording) which existing recommendation has the same mechanism, state, cycle and wording under
// another id.
UNWIND $rows AS row
OPTIONAL MATCH (r:Recommendation {id: row.id})
OPTIONAL MATCH (src:SourceRecord {dataset: row.source.dataset, sourceId: row.source.id})
CALL (r, row) {
  OPTIONAL MATCH (same:Recommendation {textKey: row.textKey})
  WITH same
  WHERE r IS NULL
  RETURN min(same.id) AS adoptedId
}
RETURN row.index AS index, r IS NOT NULL AS exists, src IS NOT NULL AS sourceExists,
       src.contentHash AS contentHash, adoptedId
