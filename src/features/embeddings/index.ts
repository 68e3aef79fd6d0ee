export {
  embedder,
  embedderStatus,
  embeddingKey,
  EMBEDDING_DIMENSIONS,
  EMBEDDING_MODEL,
  setEmbedderForTesting,
  type Embedder,
  type EmbedderStatus,
} from './engine.ts';
export {
  attachVectors,
  embedPending,
  vectorCache,
  type EmbedSummary,
  type EmbedProgress,
} from './embedding.service.ts';
export { VectorCache } from './vector-cache.ts';
export { similarities } from './similarity.ts';
