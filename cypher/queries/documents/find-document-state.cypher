// What the graph holds of documents already: each one's content hash, its source records'
// hashes (by source id), and which of its recommendation ids exist (from another source), so
// that a re-import can tell unchanged, changed, joined and missing paragraphs.
UNWIND $documents AS doc
OPTIONAL MATCH (d:Document {symbol: doc.symbol})
OPTIONAL MATCH (src:SourceRecord {dataset: doc.dataset})
  WHERE src.sourceId STARTS WITH doc.symbol + '#'
WITH doc, d, collect(src) AS sources
RETURN doc.symbol AS symbol, d.contentHash AS contentHash,
       [s IN sources | {sourceId: s.sourceId, contentHash: s.contentHash}] AS sources,
       [id IN doc.ids WHERE EXISTS { MATCH (:Recommendation {id: id}) }] AS existing
