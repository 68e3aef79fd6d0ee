// The dataset each of these documents was imported from, for those imported as documents.
UNWIND $symbols AS symbol
MATCH (d:Document {symbol: symbol})
WHERE d.dataset IS NOT NULL
RETURN symbol, d.dataset AS dataset
