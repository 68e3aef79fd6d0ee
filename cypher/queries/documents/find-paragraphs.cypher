// The paragraph units of documents that are not recommendations, in document order.
UNWIND $symbols AS symbol
MATCH (:Document {symbol: symbol})-[:HAS_PARAGRAPH]->(p:DocumentParagraph)
WITH symbol, p ORDER BY p.position
RETURN symbol AS key, collect(p {.id, .label, .parent, .kind, .text, .highlighted, .headings}) AS items
