/**
 * The two labelled development sets of overlap detection (../shared/data/overlap-dev and
 * overlap-dev-crossmech; their READMEs), read as detector docs with their vectors: what
 * `npm run fit:overlaps` fits on and the retrieval check reads. Vectors come from the machine's
 * vector cache, the model filling it for texts not seen before.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { SHARED_DATA } from '../../bench/support.ts';
import { embedder, embeddingKey, vectorCache } from '../../src/features/embeddings/index.ts';
import type { DetectDoc } from '../../src/features/overlaps/index.ts';

export interface DevRecord {
  readonly id: string;
  readonly state: string;
  readonly mechanism: string;
  readonly mechanismKind: string;
  readonly text: string;
  readonly language: string;
  readonly year: number | null;
  readonly documentSymbol: string | null;
}

export interface DevPair {
  readonly a: string;
  readonly b: string;
  readonly label: 'SAME' | 'PARTIAL' | 'RELATED' | 'UNRELATED';
}

export interface DevSet {
  readonly name: string;
  readonly records: Map<string, DevRecord>;
  readonly pairs: DevPair[];
}

export const DEV_SETS = ['overlap-dev', 'overlap-dev-crossmech'] as const;

export const isPositive = (label: string) => label === 'SAME' || label === 'PARTIAL';

export function readDevSet(name: string): DevSet {
  const dir = path.join(SHARED_DATA, name);
  const records = new Map<string, DevRecord>();
  for (const line of fs.readFileSync(path.join(dir, 'recommendations.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as DevRecord;
    records.set(r.id, r);
  }
  const pairs = parse<{ a_id: string; b_id: string; label: DevPair['label'] }>(
    fs.readFileSync(path.join(dir, 'pairs.csv')),
    { columns: true, skip_empty_lines: true },
  ).map((p) => ({ a: p.a_id, b: p.b_id, label: p.label }));
  return { name, records, pairs };
}

export const kindPair = (set: DevSet, p: DevPair) =>
  [set.records.get(p.a)!.mechanismKind, set.records.get(p.b)!.mechanismKind].sort().join('-');
export const languagePair = (set: DevSet, p: DevPair) =>
  [set.records.get(p.a)!.language, set.records.get(p.b)!.language].sort().reverse().join('-');

/** Vectors for texts (null without a model), embedding what the cache lacks. */
export async function vectorsOf(texts: readonly string[]): Promise<(Float32Array | null)[]> {
  const model = embedder();
  if (!model) return texts.map(() => null);
  const cache = vectorCache();
  const todo = [...new Set(texts.filter((t) => !cache.get(embeddingKey(t))))];
  for (let i = 0; i < todo.length; i += 64) {
    const part = todo.slice(i, i + 64);
    const vectors = await model.passages(part);
    cache.put(part.map((t, n) => [embeddingKey(t), vectors[n]!]));
    process.stderr.write(`\rembedding ${Math.min(i + 64, todo.length)}/${todo.length}`);
  }
  if (todo.length) process.stderr.write('\n');
  return texts.map((t) => cache.get(embeddingKey(t)) ?? null);
}

/** One state's records of a set as detector docs, with vectors when `withVectors`. */
export async function docsByState(
  set: DevSet,
  withVectors: boolean,
): Promise<Map<string, DetectDoc[]>> {
  const records = [...set.records.values()];
  const vectors = withVectors ? await vectorsOf(records.map((r) => r.text)) : [];
  const byState = new Map<string, DetectDoc[]>();
  records.forEach((r, i) => {
    const doc: DetectDoc = {
      id: r.id,
      text: r.text,
      language: r.language,
      mechanism: r.mechanism,
      cycle: null,
      year: r.year,
      source: r.documentSymbol,
      vector: vectors[i] ?? null,
    };
    const list = byState.get(r.state);
    if (list) list.push(doc);
    else byState.set(r.state, [doc]);
  });
  return byState;
}
