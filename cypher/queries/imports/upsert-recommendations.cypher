// Nodes and their single-valued links; multi-valued links are set by the statements that follow
// in the same transaction.
UNWIND $rows AS row
MATCH (s:State {iso3: row.state})
MATCH (m:Mechanism {code: row.mechanism})
MERGE (r:Recommendation {id: row.id})
SET r.text = row.text,
    r.language = row.language,
    r.paragraph = row.paragraph,
    r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END,
    r.year = toInteger(row.year),
    r.cycle = toInteger(row.cycle),
    r.session = toInteger(row.session),
    r.response = row.response,
    r.state = row.state,
    r.mechanism = row.mechanism,
    r.documentSymbol = row.documentSymbol,
    r.recommendingStatesUnmatched = row.recommendingStatesUnmatched
MERGE (r)-[:ADDRESSED_TO]->(s)
MERGE (r)-[:ISSUED_BY]->(m)
WITH r, row, s, m
CALL (r, row, s, m) {
  WITH row
  WHERE row.documentSymbol IS NOT NULL
  MERGE (d:Document {symbol: row.documentSymbol})
    ON CREATE SET d.mechanism = row.mechanism, d.year = toInteger(row.year)
  MERGE (r)-[:IN_DOCUMENT]->(d)
  WITH d, r, row, s, m
  WHERE row.cycle IS NOT NULL
  MERGE (v:Review {id: row.mechanism + '/' + row.state + '/' + toString(toInteger(row.cycle))})
    ON CREATE SET v.mechanism = row.mechanism, v.state = row.state, v.cycle = toInteger(row.cycle),
                  v.session = toInteger(row.session), v.year = toInteger(row.year)
  MERGE (v)-[:OF_STATE]->(s)
  MERGE (v)-[:BY]->(m)
  MERGE (d)-[:FOR_REVIEW]->(v)
  MERGE (r)-[:MADE_IN]->(v)
  WITH v, row
  OPTIONAL MATCH (c:Cycle {id: row.mechanism + '-' + toString(toInteger(row.cycle))})
  FOREACH (cycle IN CASE WHEN c IS NULL THEN [] ELSE [c] END | MERGE (v)-[:IN_CYCLE]->(cycle))
}
RETURN count(r) AS written
