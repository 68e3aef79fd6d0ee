// Nodes and their single-valued links; multi-valued links are set by the statements that follow
// in the same transaction. A property named in row.weak is only filled in when the
// recommendation has none yet (another source of the same recommendation knows it better).
UNWIND $rows AS row
MATCH (s:State {iso3: row.state})
MATCH (m:Mechanism {code: row.mechanism})
MERGE (r:Recommendation {id: row.id})
WITH r, row, s, m,
     CASE WHEN 'text' IN row.weak AND r.text IS NOT NULL THEN {text: r.text, textKey: r.textKey}
          ELSE {text: row.text, textKey: row.textKey} END AS wording,
     CASE WHEN 'language' IN row.weak AND r.language IS NOT NULL THEN r.language ELSE row.language END AS lang
// New, newly worded or newly in another language (its words are analysed by language): overlap
// detection compares the recommendation on its next run ('' is "not compared"; see
// overlaps/states-to-detect).
SET r.overlapDetector = CASE WHEN r.text = wording.text AND coalesce(r.language, '') = coalesce(lang, '')
                             THEN r.overlapDetector ELSE '' END
// Likewise its vector (embeddings/pending-recommendations): '' waits for one.
SET r.embeddingModel = CASE WHEN r.text = wording.text THEN coalesce(r.embeddingModel, '') ELSE '' END
SET r.text = wording.text,
    r.textKey = wording.textKey,
    r.language = lang,
    r.paragraph = CASE WHEN 'paragraph' IN row.weak AND r.paragraph IS NOT NULL THEN r.paragraph ELSE row.paragraph END,
    r.date = CASE WHEN 'date' IN row.weak AND r.date IS NOT NULL THEN r.date
                  WHEN row.date IS NULL THEN null ELSE date(row.date) END,
    r.year = CASE WHEN 'year' IN row.weak AND r.year IS NOT NULL THEN r.year ELSE toInteger(row.year) END,
    r.cycle = toInteger(row.cycle),
    r.session = CASE WHEN 'session' IN row.weak AND r.session IS NOT NULL THEN r.session ELSE toInteger(row.session) END,
    r.response = CASE WHEN 'response' IN row.weak AND r.response IS NOT NULL THEN r.response ELSE row.response END,
    r.state = row.state,
    r.mechanism = row.mechanism,
    r.documentSymbol = CASE WHEN 'documentSymbol' IN row.weak AND r.documentSymbol IS NOT NULL THEN r.documentSymbol ELSE row.documentSymbol END,
    // Names no state matched, from every source of the recommendation.
    r.recommendingStatesUnmatched = coalesce(r.recommendingStatesUnmatched, []) +
      [name IN row.recommendingStatesUnmatched WHERE NOT name IN coalesce(r.recommendingStatesUnmatched, [])]
// The label of the text's language puts the text in that language's full-text index, and only
// in that one (docs/graph-model.md#full-text-search); other languages have none.
WITH r, row, s, m, [x IN [['en', 'TextEn'], ['es', 'TextEs'], ['fr', 'TextFr']] WHERE x[0] = lang | x[1]] AS textLabels
SET r:$(textLabels)
REMOVE r:$([l IN ['TextEn', 'TextEs', 'TextFr'] WHERE NOT l IN textLabels])
MERGE (r)-[:ADDRESSED_TO]->(s)
MERGE (r)-[:ISSUED_BY]->(m)
WITH r, row, s, m
CALL (r, row) {
  WITH row
  WHERE row.documentSymbol IS NOT NULL
  MERGE (d:Document {symbol: row.documentSymbol})
    ON CREATE SET d.mechanism = row.mechanism, d.year = toInteger(row.year)
  MERGE (r)-[:IN_DOCUMENT]->(d)
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
  MERGE (r)-[:MADE_IN]->(v)
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
RETURN count(r) AS written
