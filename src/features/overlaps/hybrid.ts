/**
 * The hybrid decision: a small logistic model over what the lexical comparison, the commitment
 * signatures and the embedding say about a pair, fitted on the development sets by
 * `npm run fit:overlaps` and shipped as data (reference/overlap-model.json; docs/overlaps.md,
 * "Hybrid decision"). Two variants: `hybrid` when both texts have a vector, `lexical` when
 * either lacks one (lexical-only mode, or a text not yet embedded).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../../core/config.ts';

export const MODEL_FILE = path.join(PROJECT_ROOT, 'reference', 'overlap-model.json');

/** What is known about a pair before it is decided. */
export interface PairFeatures {
  /**
   * The rule score of the lexical detector before this model (score.ts `ruleScore`): the lexical
   * score lifted or damped by the signature relation. It carries the rules' interactions (a
   * treaty conflict damps the wording) that a linear model of the parts alone would miss.
   */
  readonly rules: number;
  readonly jaccard: number;
  readonly containment: number;
  /** What the signatures say (score.ts `relate`). */
  readonly relation:
    | 'SAME'
    | 'PARTIAL'
    | 'GENERIC'
    | 'CONFLICT'
    | 'ONE_SIDED'
    | 'ACTION_MISMATCH'
    | 'SUBJECT'
    | 'NONE';
  /** Cosine of the two vectors; null when either has none. */
  readonly cosine: number | null;
  /** The two texts are in different languages (their words then rarely meet). */
  readonly crossLanguage: boolean;
}

/** Feature names, in the order of each variant's weights. */
const LEXICAL_FEATURES = [
  'rules',
  'lexical',
  'jaccard',
  'containment',
  'signatureSame',
  'signaturePartial',
  'signatureGeneric',
  'conflict',
  'mismatch',
  'subject',
  'crossLanguage',
] as const;
export const FEATURES = {
  lexical: LEXICAL_FEATURES,
  hybrid: [...LEXICAL_FEATURES, 'cosine', 'cosineCrossLanguage'] as const,
};

export type Variant = keyof typeof FEATURES;

/** Which part of the evidence each feature belongs to. */
const PART: Record<string, 'lexical' | 'signature' | 'embedding'> = {
  // The rules' score is mostly the wording (lifted or damped by the signature).
  rules: 'lexical',
  lexical: 'lexical',
  jaccard: 'lexical',
  containment: 'lexical',
  crossLanguage: 'lexical',
  signatureSame: 'signature',
  signaturePartial: 'signature',
  signatureGeneric: 'signature',
  conflict: 'signature',
  mismatch: 'signature',
  subject: 'signature',
  cosine: 'embedding',
  cosineCrossLanguage: 'embedding',
};

export function featureVector(f: PairFeatures, variant: Variant): number[] {
  const out = new Array<number>(FEATURES[variant].length);
  fillFeatures(f, variant, out);
  return out;
}

/** Writes the features into `out` (detection decides millions of pairs: no allocation). */
function fillFeatures(f: PairFeatures, variant: Variant, out: { [k: number]: number }): void {
  const r = f.relation;
  const cross = f.crossLanguage ? 1 : 0;
  out[0] = f.rules;
  out[1] = (f.jaccard + f.containment) / 2;
  out[2] = f.jaccard;
  out[3] = f.containment;
  out[4] = r === 'SAME' ? 1 : 0;
  out[5] = r === 'PARTIAL' ? 1 : 0;
  out[6] = r === 'GENERIC' ? 1 : 0;
  out[7] = r === 'CONFLICT' ? 1 : 0;
  out[8] = r === 'ONE_SIDED' || r === 'ACTION_MISMATCH' ? 1 : 0;
  out[9] = r === 'SUBJECT' ? 1 : 0;
  out[10] = cross;
  if (variant === 'lexical') return;
  const cosine = f.cosine ?? 0;
  out[11] = cosine;
  out[12] = cosine * cross;
}

const VariantSchema = z.object({
  features: z.array(z.string()),
  weights: z.array(z.number()),
  bias: z.number(),
  /** A pair is a link from this probability up. */
  threshold: z.number().min(0).max(1),
  /** Links from this probability up join clusters (SAME-grade: one ask). */
  clusterThreshold: z.number().min(0).max(1),
  /** Mean feature values of the negative pairs: parts are measured from there. */
  baseline: z.array(z.number()),
});

const ModelSchema = z.object({
  version: z.string(),
  fittedOn: z.array(z.string()),
  fittedAt: z.string(),
  /** Vector neighbours below this cosine are not proposed as candidates. */
  neighbourFloor: z.number(),
  /** How many vector neighbours each text proposes. */
  neighbours: z.number().int().min(0),
  variants: z.object({ lexical: VariantSchema, hybrid: VariantSchema }),
  /** The fit's own figures (for the record; docs/overlaps.md). */
  report: z.unknown().optional(),
});

export type OverlapModel = z.infer<typeof ModelSchema>;

let model: OverlapModel | null = null;

/** The shipped model, read once; a broken file fails loudly rather than deciding nothing. */
export function overlapModel(): OverlapModel {
  if (!model) {
    const parsed = ModelSchema.parse(JSON.parse(fs.readFileSync(MODEL_FILE, 'utf8')));
    for (const variant of ['lexical', 'hybrid'] as const) {
      const v = parsed.variants[variant];
      if (
        v.features.join() !== FEATURES[variant].join() ||
        v.weights.length !== v.features.length ||
        v.baseline.length !== v.features.length
      ) {
        throw new Error(
          `${MODEL_FILE}: the ${variant} variant does not match this code's features; run npm run fit:overlaps`,
        );
      }
    }
    model = parsed;
  }
  return model;
}

export interface Decision {
  readonly probability: number;
  readonly link: boolean;
  readonly clusters: boolean;
  readonly variant: Variant;
  /** Each part's contribution to the log-odds, from the negative pairs' average. */
  readonly parts: {
    readonly lexical: number;
    readonly signature: number;
    readonly embedding: number;
  };
}

const scratch = new Float64Array(FEATURES.hybrid.length);
/** Each feature's part, by position, per variant. */
const PART_OF: Record<Variant, readonly ('lexical' | 'signature' | 'embedding')[]> = {
  lexical: FEATURES.lexical.map((f) => PART[f]!),
  hybrid: FEATURES.hybrid.map((f) => PART[f]!),
};

export function decide(f: PairFeatures, m: OverlapModel = overlapModel()): Decision {
  const variant: Variant = f.cosine == null ? 'lexical' : 'hybrid';
  const v = m.variants[variant];
  fillFeatures(f, variant, scratch);
  const parts = { lexical: 0, signature: 0, embedding: 0 };
  const partOf = PART_OF[variant];
  let z = v.bias;
  for (let k = 0; k < v.weights.length; k++) {
    const w = v.weights[k]!;
    z += w * scratch[k]!;
    parts[partOf[k]!] += w * (scratch[k]! - v.baseline[k]!);
  }
  const probability = 1 / (1 + Math.exp(-z));
  return {
    probability,
    link: probability >= v.threshold,
    clusters: probability >= v.clusterThreshold,
    variant,
    parts,
  };
}

/** Logistic regression with L2, on standardised features (weights returned unstandardised). */
export function fitLogistic(
  rows: readonly number[][],
  labels: readonly number[],
  options: { l2?: number; iterations?: number } = {},
): { weights: number[]; bias: number } {
  const n = rows.length;
  const d = rows[0]!.length;
  const mean = Array.from({ length: d }, (_, k) => rows.reduce((s, r) => s + r[k]!, 0) / n);
  const sd = Array.from({ length: d }, (_, k) => {
    const v = rows.reduce((s, r) => s + (r[k]! - mean[k]!) ** 2, 0) / n;
    return Math.sqrt(v) || 1;
  });
  const xs = rows.map((r) => r.map((v, k) => (v - mean[k]!) / sd[k]!));
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const l2 = options.l2 ?? 0.01;
  const iterations = options.iterations ?? 4000;
  const rate = 0.5;
  for (let it = 0; it < iterations; it++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      let z = b;
      for (let k = 0; k < d; k++) z += w[k]! * xs[i]![k]!;
      const err = 1 / (1 + Math.exp(-z)) - labels[i]!;
      for (let k = 0; k < d; k++) gw[k]! += err * xs[i]![k]!;
      gb += err;
    }
    for (let k = 0; k < d; k++) w[k]! -= rate * (gw[k]! / n + l2 * w[k]!);
    b -= rate * (gb / n);
  }
  const weights = w.map((wk, k) => wk / sd[k]!);
  const bias = b - w.reduce((s, wk, k) => s + (wk * mean[k]!) / sd[k]!, 0);
  return { weights, bias };
}
