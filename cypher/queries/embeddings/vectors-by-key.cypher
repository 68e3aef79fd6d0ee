// Vectors already in the graph for these content keys (one per key): a text seen before is not
// embedded again.
UNWIND $keys AS key
CALL (key) {
  MATCH (o:Recommendation {embeddingKey: key})
  WHERE o.embeddingModel = $model AND o.embedding IS NOT NULL
  RETURN o.embedding AS vector
  LIMIT 1
}
RETURN key, vector
