/**
 * The TypeScript port of the Universal Sentence Encoder (src/features/embeddings/use/): its
 * matrix kernel against a plain product, and its tokenizer and vectors against the reference
 * implementation's output (test/fixtures/embeddings/use-reference.json, made by the Python
 * package it was ported from). Needs the model `npm install` installs; on a machine without
 * Python/pip run the suite with RECGRAPH_EMBEDDINGS=off, which tests lexical-only mode instead.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { embedderStatus, modelDirectory } from '../../../src/features/embeddings/engine.ts';
import { Kernel, UseEncoder } from '../../../src/features/embeddings/use/model.ts';
import { readNpy } from '../../../src/features/embeddings/use/npy.ts';
import { UseTokenizer } from '../../../src/features/embeddings/use/tokenizer.ts';

const REFERENCE = JSON.parse(
  fs.readFileSync(
    path.resolve(import.meta.dirname, '../../fixtures/embeddings/use-reference.json'),
    'utf8',
  ),
) as { cases: { text: string; ids: number[]; vector: number[] }[] };

const lexicalOnly = process.env['RECGRAPH_EMBEDDINGS'] === 'off';

describe('the matrix kernel', () => {
  it('adds A·B to C as a plain product does, for row counts that are not multiples of 4', () => {
    const kernel = new Kernel();
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
    for (const [m, k, n] of [
      [1, 3, 8],
      [4, 5, 16],
      [7, 13, 24],
      [9, 64, 8],
    ] as const) {
      const a = Float32Array.from({ length: m * k }, rand);
      const b = Float32Array.from({ length: k * n }, rand);
      const c = Float32Array.from({ length: m * n }, rand);
      const at = { a: kernel.keep(a), b: kernel.keep(b), c: kernel.keep(c) };
      kernel.matmulAdd(at.a, at.b, at.c, m, k, n);
      const got = kernel.view(at.c, m * n);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let want = c[i * n + j]!;
          for (let x = 0; x < k; x++) want += a[i * k + x]! * b[x * n + j]!;
          expect(got[i * n + j]).toBeCloseTo(want, 4);
        }
      }
    }
  });
});

describe('.npy arrays', () => {
  it('reads float32 and uint8 arrays with their shape', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recgraph-npy-'));
    const write = (name: string, descr: string, shape: string, data: Buffer) => {
      let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shape}, }`;
      header += ' '.repeat(64 - ((10 + header.length + 1) % 64)) + '\n';
      const head = Buffer.alloc(10);
      head.write('\x93NUMPY', 0, 'latin1');
      head.writeUInt8(1, 6);
      head.writeUInt16LE(header.length, 8);
      fs.writeFileSync(
        path.join(dir, name),
        Buffer.concat([head, Buffer.from(header, 'latin1'), data]),
      );
    };
    write('f.npy', '<f4', '(2, 3)', Buffer.from(new Float32Array([1, 2, 3, 4, 5, 6.5]).buffer));
    write('u.npy', '|u1', '(4,)', Buffer.from([0, 1, 254, 255]));
    const f = readNpy(path.join(dir, 'f.npy'));
    expect(f.shape).toEqual([2, 3]);
    expect([...f.data]).toEqual([1, 2, 3, 4, 5, 6.5]);
    expect([...readNpy(path.join(dir, 'u.npy')).data]).toEqual([0, 1, 254, 255]);
    fs.rmSync(dir, { recursive: true });
  });
});

describe.runIf(!lexicalOnly)('the Universal Sentence Encoder port', () => {
  it('is installed (npm install; or RECGRAPH_EMBEDDINGS=off to test lexical-only mode)', () => {
    const status = embedderStatus();
    expect(status.available ? 'installed' : status.reason).toBe('installed');
  });

  it('tokenizes exactly as the reference SentencePiece implementation', () => {
    const tokenizer = UseTokenizer.fromFile(path.join(modelDirectory(), 'sp.model'));
    for (const c of REFERENCE.cases) expect(tokenizer.encode(c.text), c.text).toEqual(c.ids);
  });

  it('gives the reference vectors, and one space for English, Spanish and French', () => {
    const encoder = UseEncoder.load(modelDirectory());
    const vectors = REFERENCE.cases.map((c) => encoder.embedIds(c.ids));
    REFERENCE.cases.forEach((c, i) => {
      const cosine = c.vector.reduce((s, x, j) => s + x * vectors[i]![j]!, 0);
      expect(cosine, c.text).toBeGreaterThan(0.99999);
    });
    const cos = (x: Float32Array, y: Float32Array) => x.reduce((s, v, j) => s + v * y[j]!, 0);
    // "Ratify OPCAT" in three languages are nearer each other than to a violence-against-women ask.
    const [en, es, fr, vaw] = vectors;
    expect(cos(en!, es!)).toBeGreaterThan(cos(en!, vaw!) + 0.2);
    expect(cos(en!, fr!)).toBeGreaterThan(cos(en!, vaw!) + 0.2);
  });
});
