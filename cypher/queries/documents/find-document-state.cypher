// What the graph holds of documents already: each one's content hash and its source records'
// hashes (by source id), so that a re-import can tell unchanged, changed and missing paragraphs.
UNWIND $documents AS doc
OPTIONAL MATCH (d:Document {symbol: doc.symbol})
OPTIONAL MATCH (src:SourceRecord {dataset: doc.dataset})
  WHERE src.sourceId STARTS WITH doc.symbol + '#'
WITH doc, d, collect(src) AS sources
RETURN doc.symbol AS symbol, d.contentHash AS contentHash,
       [s IN sources | {sourceId: s.sourceId, contentHash: s.contentHash}] AS sources
