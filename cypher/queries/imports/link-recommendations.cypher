// Replaces each recommendation's multi-valued links with those of its record.
UNWIND $rows AS row
MATCH (r:Recommendation {id: row.id})
CALL (r, row) {
  // Only a recommendation that existed before this batch can have links to replace.
  WITH r, row
  WHERE row.existed
  OPTIONAL MATCH (r)-[old:RECOMMENDED_BY|HAS_THEME|CONCERNS|SUPPORTS_SDG]->()
  DELETE old
}
CALL (r, row) {
  UNWIND row.recommendingStates AS iso3
  MATCH (rs:State {iso3: iso3})
  MERGE (r)-[:RECOMMENDED_BY]->(rs)
}
CALL (r, row) {
  UNWIND row.themes AS theme
  MERGE (t:Theme {scheme: theme.scheme, code: theme.code})
    ON CREATE SET t.label = theme.label
  MERGE (r)-[:HAS_THEME]->(t)
}
CALL (r, row) {
  UNWIND row.affectedGroups AS group
  MERGE (g:AffectedGroup {code: group.code})
    ON CREATE SET g.label = group.label
  MERGE (r)-[:CONCERNS]->(g)
}
CALL (r, row) {
  UNWIND row.sdgGoals AS code
  MATCH (g:SdgGoal {code: code})
  MERGE (r)-[:SUPPORTS_SDG]->(g)
}
CALL (r, row) {
  UNWIND row.sdgTargets AS code
  MATCH (t:SdgTarget {code: code})
  MERGE (r)-[:SUPPORTS_SDG]->(t)
}
CALL (r, row) {
  MERGE (src:SourceRecord {dataset: row.source.dataset, sourceId: row.source.id})
  SET src.contentHash = row.contentHash
  MERGE (r)-[:FROM_SOURCE]->(src)
}
CALL (r, row) {
  UNWIND row.otherSources AS other
  MERGE (src:SourceRecord {dataset: other.dataset, sourceId: other.id})
  MERGE (r)-[:FROM_SOURCE]->(src)
}
RETURN count(r) AS linked
