// Recommendations stored before embeddings existed wait for their vector ('' is "pending"; see
// embeddings/pending-recommendations).
MATCH (r:Recommendation) WHERE r.embeddingModel IS NULL
SET r.embeddingModel = '';
