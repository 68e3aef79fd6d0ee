UNWIND $symbols AS symbol
MATCH (d:Document {symbol: symbol})
OPTIONAL MATCH (d)-[:FOR_REVIEW]->(v:Review)
RETURN d {.symbol, .mechanism, .year, review: v.id} AS document
