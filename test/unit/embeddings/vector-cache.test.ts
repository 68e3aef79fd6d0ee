import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VectorCache } from '../../../src/features/embeddings/vector-cache.ts';
import { embeddingKey } from '../../../src/features/embeddings/engine.ts';

describe('the vector cache', () => {
  it('keeps vectors by content key across processes, and ignores a torn last record', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'recgraph-vectors-')), 'v.f32');
    const first = new VectorCache(file, 4);
    const key = embeddingKey('Ratify  the OPCAT ');
    first.put([[key, Float32Array.from([0.5, -0.5, 0.25, 1])]]);
    // Same text after the model's cleaning: same key; another text: another key.
    expect(embeddingKey('Ratify the OPCAT')).toBe(key);
    expect(embeddingKey('Ratify the CAT')).not.toBe(key);
    fs.appendFileSync(file, Buffer.from([1, 2, 3])); // an interrupted append
    const second = new VectorCache(file, 4);
    expect(second.size).toBe(1);
    expect([...second.get(key)!]).toEqual([0.5, -0.5, 0.25, 1]);
    // A key already known is not appended again.
    const before = fs.statSync(file).size;
    second.put([[key, Float32Array.from([9, 9, 9, 9])]]);
    expect(fs.statSync(file).size).toBe(before);
    fs.rmSync(path.dirname(file), { recursive: true });
  });
});
