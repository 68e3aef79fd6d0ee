// Text embeddings (docs/embeddings.md): each recommendation's vector from the local multilingual
// model, stored as a float32 array, served by a native vector index (cosine) for nearest
// neighbours across languages. `embeddingModel` is '' while a recommendation waits for its vector
// (new or reworded) and names the model once it has one; `embeddingKey` is the text's content key,
// so equal texts share one computation.
CREATE VECTOR INDEX recommendation_embedding IF NOT EXISTS
FOR (r:Recommendation) ON (r.embedding)
OPTIONS {indexConfig: {`vector.dimensions`: 512, `vector.similarity_function`: 'cosine'}};
CREATE INDEX recommendation_embedding_model IF NOT EXISTS FOR (r:Recommendation) ON (r.embeddingModel);
CREATE INDEX recommendation_embedding_key IF NOT EXISTS FOR (r:Recommendation) ON (r.embeddingKey);
