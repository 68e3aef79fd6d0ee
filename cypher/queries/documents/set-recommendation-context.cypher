// A document's recommendations get their context (chapeau, concern, preamble, headings, place)
// and ANSWERS links to the concern paragraphs; their source record gets the source's licence,
// attribution and highlighting (CLADEM's bold).
UNWIND $rows AS row
MATCH (r:Recommendation {id: row.id})
SET r.chapeau = row.chapeau, r.concern = row.concern, r.concernParagraphs = row.concernParagraphs,
    r.preamble = row.preamble, r.headings = row.headings, r.position = row.position,
    r.documentPart = row.documentPart
WITH r, row
CALL (r, row) {
  MATCH (r)-[:FROM_SOURCE]->(src:SourceRecord {dataset: row.dataset, sourceId: row.sourceId})
  SET src.highlighted = row.highlighted, src.licence = row.licence,
      src.attribution = row.attribution, src.url = row.url
}
CALL (r, row) {
  OPTIONAL MATCH (r)-[old:ANSWERS]->(:DocumentParagraph)
  DELETE old
}
CALL (r, row) {
  UNWIND row.concernIds AS concernId
  MATCH (p:DocumentParagraph {id: concernId})
  MERGE (r)-[:ANSWERS]->(p)
}
RETURN count(r) AS written
