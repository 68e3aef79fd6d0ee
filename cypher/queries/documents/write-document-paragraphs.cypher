// The units of documents that are not recommendations (concerns, chapeaux, quotations,
// narrative), replacing those of an earlier version of each.
UNWIND $documents AS doc
MATCH (d:Document {symbol: doc.symbol})
CALL (d, doc) {
  OPTIONAL MATCH (d)-[:HAS_PARAGRAPH]->(old:DocumentParagraph)
    WHERE NOT old.id IN [p IN doc.paragraphs | p.id]
  DETACH DELETE old
}
CALL (d, doc) {
  UNWIND doc.paragraphs AS row
  MERGE (p:DocumentParagraph {id: row.id})
  SET p.label = row.label, p.parent = row.parent, p.kind = row.kind, p.text = row.text,
      p.highlighted = row.highlighted, p.line = row.line, p.position = row.position,
      p.headings = row.headings, p.document = doc.symbol
  MERGE (d)-[:HAS_PARAGRAPH]->(p)
}
RETURN count(d) AS written
