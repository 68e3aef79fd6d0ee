/**
 * Gives every recommendation the vector of its text: pending ones (new, reworded, or embedded by
 * another model) are read page by page; a text whose content key is already known (in the
 * machine's vector cache or on another recommendation) is not embedded again; the rest go to the
 * model in batches. Called after every import and before overlap detection; `recgraph embed`
 * runs it with a progress bar. Without a model it does nothing (lexical-only mode).
 */
import path from 'node:path';
import { PROJECT_ROOT } from '../../core/config.ts';
import type { DbContext } from '../../graphql/context.ts';
import { embedder, embeddingKey, EMBEDDING_DIMENSIONS, type Embedder } from './engine.ts';
import { VectorCache } from './vector-cache.ts';
import * as repository from './embedding.repository.ts';

/** Recommendations read per page, and texts sent to the model at once. */
const PAGE = 2_000;
const BATCH = 64;

export interface EmbedProgress {
  readonly done: number;
  readonly total: number;
}

export interface EmbedSummary {
  /** False in lexical-only mode: nothing was done. */
  readonly available: boolean;
  readonly model: string | null;
  /** Recommendations given a vector. */
  readonly recommendations: number;
  /** Distinct texts the model ran on (the rest came from the cache or the graph). */
  readonly embedded: number;
  readonly reused: number;
  /** Time in the model alone, and in all. */
  readonly modelMs: number;
  readonly ms: number;
}

let sharedCache: VectorCache | null = null;

/** The machine's vector cache (RECGRAPH_EMBEDDING_CACHE, default data/embeddings). */
export function vectorCache(): VectorCache {
  const dir = path.resolve(
    PROJECT_ROOT,
    process.env['RECGRAPH_EMBEDDING_CACHE'] || 'data/embeddings',
  );
  const file = path.join(dir, 'use-multilingual-v3.f32');
  if (sharedCache?.file !== file) sharedCache = new VectorCache(file, EMBEDDING_DIMENSIONS);
  return sharedCache;
}

export async function embedPending(
  ctx: DbContext,
  options: {
    onProgress?: (progress: EmbedProgress) => void;
    model?: Embedder | null;
    cache?: VectorCache;
  } = {},
): Promise<EmbedSummary> {
  const started = performance.now();
  const model = options.model === undefined ? embedder() : options.model;
  if (!model) {
    return {
      available: false,
      model: null,
      recommendations: 0,
      embedded: 0,
      reused: 0,
      modelMs: 0,
      ms: 0,
    };
  }
  const cache = options.cache ?? vectorCache();
  const total = await repository.countPending(ctx, model.model);
  let done = 0;
  let embedded = 0;
  let reused = 0;
  let modelMs = 0;
  let after = '';
  options.onProgress?.({ done, total });
  for (;;) {
    const page = await repository.pendingPage(ctx, model.model, after, PAGE);
    if (page.length === 0) break;
    after = page[page.length - 1]!.id;
    const rows = page.map((r) => ({
      id: r.id,
      text: r.text ?? '',
      key: embeddingKey(r.text ?? ''),
    }));
    const known = new Map<string, Float32Array>();
    for (const r of rows) {
      const hit = cache.get(r.key);
      if (hit) known.set(r.key, hit);
    }
    const unknownKeys = [...new Set(rows.map((r) => r.key).filter((k) => !known.has(k)))];
    for (const [key, vector] of await repository.vectorsByKey(ctx, model.model, unknownKeys)) {
      known.set(key, vector);
    }
    const texts = new Map<string, string>();
    for (const r of rows) if (!known.has(r.key)) texts.set(r.key, r.text);
    reused += rows.filter((r) => !texts.has(r.key)).length;
    /** Writes the page's rows whose vector `vectors` holds, and reports progress. */
    const store = async (vectors: ReadonlyMap<string, Float32Array>) => {
      const ready = rows.filter((r) => vectors.has(r.key));
      if (ready.length === 0) return;
      await repository.setVectors(
        ctx,
        model.model,
        ready.map((r) => ({ ...r, vector: vectors.get(r.key)! })),
      );
      done += ready.length;
      options.onProgress?.({ done, total });
    };
    // Rows whose vector is known are written at once; the others batch by batch as the model
    // gives them, so a long run shows progress and an interruption loses one batch at most.
    await store(known);
    const todo = [...texts];
    for (let i = 0; i < todo.length; i += BATCH) {
      const part = todo.slice(i, i + BATCH);
      const t = performance.now();
      const vectors = await model.passages(part.map(([, text]) => text));
      modelMs += performance.now() - t;
      embedded += part.length;
      const fresh = new Map(part.map(([key], n) => [key, vectors[n]!] as const));
      cache.put([...fresh]);
      await store(fresh);
    }
  }
  return {
    available: true,
    model: model.model,
    recommendations: done,
    embedded,
    reused,
    modelMs: Math.round(modelMs),
    ms: Math.round(performance.now() - started),
  };
}

/**
 * Gives rows that name their vector's content key (`embeddingKey`, null for none) the vector
 * itself: from the machine's cache, else from the graph (and then cached). Rows without a key,
 * or in lexical-only mode, get null.
 */
export async function attachVectors<T extends { readonly embeddingKey?: string | null }>(
  ctx: DbContext,
  rows: readonly T[],
): Promise<(T & { vector: Float32Array | null })[]> {
  const model = embedder();
  if (!model) return rows.map((r) => ({ ...r, vector: null }));
  const cache = vectorCache();
  const missing = [
    ...new Set(
      rows.flatMap((r) => (r.embeddingKey && !cache.get(r.embeddingKey) ? [r.embeddingKey] : [])),
    ),
  ];
  if (missing.length) {
    const found = await repository.vectorsByKey(ctx, model.model, missing);
    cache.put([...found]);
  }
  return rows.map((r) => ({ ...r, vector: (r.embeddingKey && cache.get(r.embeddingKey)) || null }));
}
