// Recommendations new to the graph, from a source not seen before: created outright, with their
// links (each stated by this one source). The import sends here only rows that classify found
// absent, each id once per batch; a concurrent import creating the same id first makes the
// uniqueness constraint fail this transaction, and the batch is written again by the MERGE path
// (upsert-recommendations, link-recommendations). Shared nodes (documents, reviews, themes) are
// still MERGEd.
UNWIND $rows AS row
MATCH (s:State {iso3: row.state})
MATCH (m:Mechanism {code: row.mechanism})
CREATE (r:Recommendation {
  id: row.id, text: row.text, textKey: row.textKey, language: row.language,
  paragraph: row.paragraph, date: CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END,
  year: toInteger(row.year), cycle: toInteger(row.cycle), session: toInteger(row.session),
  response: row.response, state: row.state, mechanism: row.mechanism,
  documentSymbol: row.documentSymbol, recommendingStatesUnmatched: row.recommendingStatesUnmatched,
  overlapDetector: '', embeddingModel: '', citationsRead: row.citationsRead
})
// The label of the text's language puts the text in that language's full-text index
// (docs/graph-model.md#full-text-search); other languages have none.
SET r:$([x IN [['en', 'TextEn'], ['es', 'TextEs'], ['fr', 'TextFr']] WHERE x[0] = row.language | x[1]])
CREATE (r)-[:ADDRESSED_TO]->(s)
CREATE (r)-[:ISSUED_BY]->(m)
CREATE (src:SourceRecord {
  dataset: row.source.dataset, sourceId: row.source.id, contentHash: row.contentHash,
  actionCategory: row.source.actionCategory, notes: row.source.notes
})
CREATE (r)-[:FROM_SOURCE]->(src)
WITH r, row, s, m
CALL (r, row) {
  WITH row
  WHERE row.documentSymbol IS NOT NULL
  MERGE (d:Document {symbol: row.documentSymbol})
    ON CREATE SET d.mechanism = row.mechanism, d.year = toInteger(row.year)
  CREATE (r)-[:IN_DOCUMENT]->(d)
}
CALL (r, row, s, m) {
  WITH row
  WHERE row.cycle IS NOT NULL
  MERGE (v:Review {id: row.mechanism + '/' + row.state + '/' + toString(toInteger(row.cycle))})
    ON CREATE SET v.mechanism = row.mechanism, v.state = row.state, v.cycle = toInteger(row.cycle)
  // Reviews are shared by thousands of rows: write them only when a row brings what they lack.
  FOREACH (_ IN CASE WHEN v.session IS NULL AND row.session IS NOT NULL THEN [1] ELSE [] END |
    SET v.session = toInteger(row.session))
  FOREACH (_ IN CASE WHEN v.year IS NULL AND row.year IS NOT NULL THEN [1] ELSE [] END |
    SET v.year = toInteger(row.year))
  MERGE (v)-[:OF_STATE]->(s)
  MERGE (v)-[:BY]->(m)
  CREATE (r)-[:MADE_IN]->(v)
  WITH v, row
  CALL (v, row) {
    WITH row
    WHERE row.documentSymbol IS NOT NULL
    MATCH (d:Document {symbol: row.documentSymbol})
    MERGE (d)-[:FOR_REVIEW]->(v)
  }
  WITH v, row
  OPTIONAL MATCH (c:Cycle {id: row.mechanism + '-' + toString(toInteger(row.cycle))})
  FOREACH (cycle IN CASE WHEN c IS NULL THEN [] ELSE [c] END | MERGE (v)-[:IN_CYCLE]->(cycle))
}
// The lists below arrive without duplicates (the import removes them), so CREATE makes each link once.
CALL (r, row) {
  UNWIND row.recommendingStates AS iso3
  MATCH (rs:State {iso3: iso3})
  CREATE (r)-[:RECOMMENDED_BY {sources: [row.sourceKey]}]->(rs)
}
CALL (r, row) {
  UNWIND row.themes AS theme
  MERGE (t:Theme {scheme: theme.scheme, code: theme.code})
    ON CREATE SET t.label = theme.label
  CREATE (r)-[:HAS_THEME {sources: [row.sourceKey]}]->(t)
}
CALL (r, row) {
  UNWIND row.affectedGroups AS group
  MERGE (g:AffectedGroup {code: group.code})
    ON CREATE SET g.label = group.label
  CREATE (r)-[:CONCERNS {sources: [row.sourceKey]}]->(g)
}
CALL (r, row) {
  UNWIND row.sdgGoals AS code
  MATCH (g:SdgGoal {code: code})
  CREATE (r)-[:SUPPORTS_SDG {sources: [row.sourceKey]}]->(g)
}
CALL (r, row) {
  UNWIND row.sdgTargets AS code
  MATCH (t:SdgTarget {code: code})
  CREATE (r)-[:SUPPORTS_SDG {sources: [row.sourceKey]}]->(t)
}
CALL (r, row) {
  UNWIND row.otherSources AS other
  MERGE (o:SourceRecord {dataset: other.dataset, sourceId: other.id})
  SET o.actionCategory = coalesce(other.actionCategory, o.actionCategory),
      o.notes = coalesce(other.notes, o.notes)
  MERGE (r)-[:FROM_SOURCE]->(o)
}
RETURN count(r) AS created
