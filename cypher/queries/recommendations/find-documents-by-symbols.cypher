UNWIND $symbols AS symbol
MATCH (d:Document {symbol: symbol})
OPTIONAL MATCH (d)-[:FOR_REVIEW]->(v:Review)
OPTIONAL MATCH (d)-[:PART_OF]->(whole:Document)
// Imported documents carry more (title, language, licence, ...; docs/documents.md).
RETURN d {.*, date: toString(d.date), review: v.id, whole: whole.symbol} AS document
