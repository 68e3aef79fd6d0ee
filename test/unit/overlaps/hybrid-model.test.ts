import { describe, expect, it } from 'vitest';
import {
  decide,
  FEATURES,
  featureVector,
  fitLogistic,
  overlapModel,
  type PairFeatures,
} from '../../../src/features/overlaps/hybrid.ts';
import { VectorIndex } from '../../../src/features/overlaps/vectors.ts';

const pair = (over: Partial<PairFeatures>): PairFeatures => ({
  rules: 0.1,
  jaccard: 0.1,
  containment: 0.1,
  relation: 'NONE',
  cosine: 0.2,
  crossLanguage: false,
  ...over,
});

describe('the shipped overlap model', () => {
  it("matches this code's features and links more as the evidence grows", () => {
    const model = overlapModel();
    expect(model.variants.hybrid.features).toEqual([...FEATURES.hybrid]);
    expect(model.variants.lexical.features).toEqual([...FEATURES.lexical]);
    for (const v of Object.values(model.variants)) {
      expect(v.clusterThreshold).toBeGreaterThanOrEqual(v.threshold);
    }
    // Nearer vectors, more shared wording, a shared treaty: each raises the probability.
    expect(decide(pair({ cosine: 0.8 })).probability).toBeGreaterThan(decide(pair({})).probability);
    expect(
      decide(pair({ jaccard: 0.6, containment: 0.8, rules: 0.7 })).probability,
    ).toBeGreaterThan(decide(pair({})).probability);
    expect(decide(pair({ relation: 'SAME', rules: 0.64 })).probability).toBeGreaterThan(
      decide(pair({})).probability,
    );
    // Without a cosine the lexical variant decides.
    expect(decide(pair({ cosine: null })).variant).toBe('lexical');
  });

  it("splits the decision's log-odds into the parts of the evidence", () => {
    const model = overlapModel();
    const f = pair({
      cosine: 0.7,
      jaccard: 0.3,
      containment: 0.5,
      rules: 0.4,
      relation: 'SUBJECT',
    });
    const d = decide(f);
    const v = model.variants.hybrid;
    const x = featureVector(f, 'hybrid');
    const logit = Math.log(d.probability / (1 - d.probability));
    const baseline = v.baseline.reduce((z, b, k) => z + v.weights[k]! * b, v.bias);
    expect(d.parts.lexical + d.parts.signature + d.parts.embedding).toBeCloseTo(
      logit - baseline,
      6,
    );
    expect(x).toHaveLength(v.weights.length);
  });
});

describe('fitting', () => {
  it('finds the separating direction of a linear problem', () => {
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 200; i++) {
      const a = (i % 20) / 20;
      const b = ((i * 7) % 13) / 13;
      rows.push([a, b]);
      labels.push(a - 0.5 * b > 0.25 ? 1 : 0);
    }
    const { weights, bias } = fitLogistic(rows, labels, { l2: 0.001, iterations: 3000 });
    const correct = rows.filter(
      (r, i) => (bias + weights[0]! * r[0]! + weights[1]! * r[1]! > 0 ? 1 : 0) === labels[i],
    ).length;
    expect(correct / rows.length).toBeGreaterThan(0.95);
    expect(weights[0]).toBeGreaterThan(0);
    expect(weights[1]).toBeLessThan(0);
  });
});

describe('vector neighbours', () => {
  it("proposes each text's k nearest above the floor, as brute force finds them", () => {
    let seed = 3;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
    const vectors = Array.from({ length: 40 }, (_, i) => {
      if (i % 9 === 0) return null; // not embedded yet
      const v = Float32Array.from({ length: 8 }, rand);
      const norm = Math.hypot(...v);
      return v.map((x) => x / norm);
    });
    const index = new VectorIndex(vectors);
    const found = new Set<string>();
    index.neighbours(3, 0.1, (i, j) => found.add(`${Math.min(i, j)}-${Math.max(i, j)}`), null);
    const expected = new Set<string>();
    vectors.forEach((v, i) => {
      if (!v) return;
      const near = vectors
        .map((w, j) => ({ j, c: w && j !== i ? index.cosine(i, j)! : -2 }))
        .filter((x) => x.c >= 0.1)
        .sort((x, y) => y.c - x.c)
        .slice(0, 3);
      for (const { j } of near) expected.add(`${Math.min(i, j)}-${Math.max(i, j)}`);
    });
    expect(found).toEqual(expected);
    expect(index.cosine(0, 1)).toBeNull();
  });
});
