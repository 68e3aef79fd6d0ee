// The multi-valued links of each recommendation, scoped to their sources: a link lists in
// `sources` the source records that state it, so several sources (UPR Info's row per recommending
// state, the Working Group report) add up, and a changed source replaces only what it said.
UNWIND $rows AS row
MATCH (r:Recommendation {id: row.id})
CALL (r, row) {
  // Only a recommendation that existed before this batch can have links to replace. Links from
  // before links carried sources (no `sources`) are replaced as a whole.
  WITH r, row
  WHERE row.existed
  MATCH (r)-[old:RECOMMENDED_BY|HAS_THEME|CONCERNS|SUPPORTS_SDG]->()
  WHERE old.sources IS NULL OR row.sourceKey IN old.sources
  WITH old, [key IN coalesce(old.sources, []) WHERE key <> row.sourceKey] AS rest
  FOREACH (_ IN CASE WHEN size(rest) = 0 THEN [1] ELSE [] END | DELETE old)
  FOREACH (_ IN CASE WHEN size(rest) > 0 THEN [1] ELSE [] END | SET old.sources = rest)
}
CALL (r, row) {
  UNWIND row.recommendingStates AS iso3
  MATCH (rs:State {iso3: iso3})
  MERGE (r)-[l:RECOMMENDED_BY]->(rs)
  SET l.sources = coalesce([key IN l.sources WHERE key <> row.sourceKey], []) + row.sourceKey
}
CALL (r, row) {
  UNWIND row.themes AS theme
  MERGE (t:Theme {scheme: theme.scheme, code: theme.code})
    ON CREATE SET t.label = theme.label
  MERGE (r)-[l:HAS_THEME]->(t)
  SET l.sources = coalesce([key IN l.sources WHERE key <> row.sourceKey], []) + row.sourceKey
}
CALL (r, row) {
  UNWIND row.affectedGroups AS group
  MERGE (g:AffectedGroup {code: group.code})
    ON CREATE SET g.label = group.label
  MERGE (r)-[l:CONCERNS]->(g)
  SET l.sources = coalesce([key IN l.sources WHERE key <> row.sourceKey], []) + row.sourceKey
}
CALL (r, row) {
  UNWIND row.sdgGoals AS code
  MATCH (g:SdgGoal {code: code})
  MERGE (r)-[l:SUPPORTS_SDG]->(g)
  SET l.sources = coalesce([key IN l.sources WHERE key <> row.sourceKey], []) + row.sourceKey
}
CALL (r, row) {
  UNWIND row.sdgTargets AS code
  MATCH (t:SdgTarget {code: code})
  MERGE (r)-[l:SUPPORTS_SDG]->(t)
  SET l.sources = coalesce([key IN l.sources WHERE key <> row.sourceKey], []) + row.sourceKey
}
CALL (r, row) {
  MERGE (src:SourceRecord {dataset: row.source.dataset, sourceId: row.source.id})
  SET src.contentHash = row.contentHash, src.actionCategory = row.source.actionCategory,
      src.notes = row.source.notes
  MERGE (r)-[:FROM_SOURCE]->(src)
  // A source row whose wording changed now derives another id: what it said before is withdrawn
  // from the recommendation it used to describe.
  WITH r, src, row
  OPTIONAL MATCH (before:Recommendation)-[stale:FROM_SOURCE]->(src)
  WHERE before <> r
  CALL (before, stale, row) {
    WITH before, stale, row
    WHERE stale IS NOT NULL
    DELETE stale
    WITH before, row
    MATCH (before)-[old:RECOMMENDED_BY|HAS_THEME|CONCERNS|SUPPORTS_SDG]->()
    WHERE row.sourceKey IN old.sources
    WITH old, [key IN old.sources WHERE key <> row.sourceKey] AS rest
    FOREACH (_ IN CASE WHEN size(rest) = 0 THEN [1] ELSE [] END | DELETE old)
    FOREACH (_ IN CASE WHEN size(rest) > 0 THEN [1] ELSE [] END | SET old.sources = rest)
  }
}
CALL (r, row) {
  UNWIND row.otherSources AS other
  MERGE (src:SourceRecord {dataset: other.dataset, sourceId: other.id})
  SET src.actionCategory = coalesce(other.actionCategory, src.actionCategory),
      src.notes = coalesce(other.notes, src.notes)
  MERGE (r)-[:FROM_SOURCE]->(src)
}
RETURN count(r) AS linked
