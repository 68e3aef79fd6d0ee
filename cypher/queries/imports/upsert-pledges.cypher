// Voluntary pledges: a state's own commitments made at its review, kept apart from the
// recommendations it received. Themes and sources accumulate like a recommendation's.
UNWIND $rows AS row
MATCH (s:State {iso3: row.state})
MERGE (p:Pledge {id: row.id})
SET p.text = row.text,
    p.language = row.language,
    p.state = row.state,
    p.mechanism = row.mechanism,
    p.cycle = toInteger(row.cycle),
    p.session = toInteger(row.session),
    p.year = toInteger(row.year)
MERGE (p)-[:PLEDGED_BY]->(s)
WITH p, row
CALL (p, row) {
  UNWIND row.themes AS theme
  MERGE (t:Theme {scheme: theme.scheme, code: theme.code})
    ON CREATE SET t.label = theme.label
  MERGE (p)-[:HAS_THEME]->(t)
}
CALL (p, row) {
  MERGE (src:SourceRecord {dataset: row.source.dataset, sourceId: row.source.id})
  SET src.contentHash = row.contentHash, src.actionCategory = row.source.actionCategory
  MERGE (p)-[:FROM_SOURCE]->(src)
}
RETURN count(p) AS written
