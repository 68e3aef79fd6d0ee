/**
 * `npx tsx bench/embed-texts.ts`: embeds the generated set's distinct texts (the UPR Info export
 * and the overlap development set, as bench/generate-ndjson.ts reads them) into the benchmark's
 * vector cache (.tmp/bench/cache, or RECGRAPH_EMBEDDING_CACHE), resumably, printing throughput.
 * bench:overlaps runs it first, so that the 300k run starts with its vectors computed (the
 * issue's "vectors already computed"): the 300,000 rows hold about 38,000 distinct texts.
 */
import path from 'node:path';
import { PROJECT_ROOT } from '../src/core/config.ts';
import {
  embedder,
  embedderStatus,
  embeddingKey,
  vectorCache,
} from '../src/features/embeddings/index.ts';
import { realTexts } from './generate-ndjson.ts';

/** The cache bench:overlaps reads (set before any vector is looked up). */
export function useBenchCache(): void {
  process.env['RECGRAPH_EMBEDDING_CACHE'] ??= path.join(PROJECT_ROOT, '.tmp', 'bench', 'cache');
}

/** Embeds what the cache lacks; returns texts/s of the model alone (null: nothing to embed). */
export async function embedBenchTexts(): Promise<number | null> {
  useBenchCache();
  const model = embedder();
  if (!model)
    throw new Error(`no embedding model: ${(embedderStatus() as { reason: string }).reason}`);
  const cache = vectorCache();
  const distinct = new Map<string, string>();
  for (const text of realTexts()) distinct.set(embeddingKey(text), text);
  const todo = [...distinct].filter(([key]) => !cache.get(key));
  console.log(
    `bench texts: ${distinct.size} distinct, ${distinct.size - todo.length} in the vector cache, ${todo.length} to embed`,
  );
  if (todo.length === 0) return null;
  const started = performance.now();
  for (let i = 0; i < todo.length; i += 256) {
    const part = todo.slice(i, i + 256);
    const vectors = await model.passages(part.map(([, text]) => text));
    cache.put(part.map(([key], n) => [key, vectors[n]!]));
    const done = Math.min(i + 256, todo.length);
    if ((i / 256) % 20 === 0 || done === todo.length) {
      const s = (performance.now() - started) / 1000;
      console.log(
        `  ${done}/${todo.length} in ${s.toFixed(0)} s (${(done / s).toFixed(1)} texts/s)`,
      );
    }
  }
  return (todo.length * 1000) / (performance.now() - started);
}

if (import.meta.url === `file://${process.argv[1]}`) await embedBenchTexts();
