// A document's own record: what it is, whom it addresses, where it comes from (dataset, licence,
// attribution), and how many units it has. The recommendations in it link to the document of
// their symbol (imports/create-recommendations); a part of a document that covers several
// states (a chapter of an annual report) is its own node, PART_OF that one. See
// docs/graph-model.md.
UNWIND $documents AS document
MERGE (d:Document {symbol: document.symbol})
SET d.title = document.title, d.language = document.language,
    d.date = CASE WHEN document.date IS NULL THEN null ELSE date(document.date) END,
    d.year = document.year, d.mechanism = document.mechanism, d.state = document.state,
    d.cycle = document.cycle, d.kind = document.kind, d.contentHash = document.contentHash,
    d.part = document.part, d.dataset = document.dataset, d.licence = document.licence,
    d.attribution = document.attribution, d.url = document.url, d.units = document.units,
    d.recommendations = document.recommendations, d.warnings = document.warnings
WITH d, document
CALL (d, document) {
  WITH *
  WHERE document.whole IS NOT NULL
  MERGE (whole:Document {symbol: document.whole})
    ON CREATE SET whole.mechanism = document.mechanism, whole.year = document.year
  MERGE (d)-[:PART_OF]->(whole)
}
// A corrected description (another state or mechanism) replaces the old links.
CALL (d, document) {
  OPTIONAL MATCH (d)-[old:ABOUT]->(s:State) WHERE s.iso3 <> document.state
  DELETE old
}
CALL (d, document) {
  OPTIONAL MATCH (d)-[old:ISSUED_BY]->(m:Mechanism) WHERE m.code <> document.mechanism
  DELETE old
}
WITH d, document
MATCH (s:State {iso3: document.state})
MERGE (d)-[:ABOUT]->(s)
WITH d, document
MATCH (m:Mechanism {code: document.mechanism})
MERGE (d)-[:ISSUED_BY]->(m)
RETURN d.symbol AS symbol
