/**
 * `npm run fit:overlaps [-- --dry-run]`: fits the hybrid overlap model (src/features/overlaps/
 * hybrid.ts) on the two development sets and writes reference/overlap-model.json:
 *
 * 1. every labelled pair of both sets (SAME and PARTIAL positive, RELATED and UNRELATED negative)
 *    gets the features detection computes (the words weighted within its state's texts of its
 *    set, the commitment signatures, the cosine of the vectors from the embedding model);
 * 2. two logistic models with a light L2 penalty: `hybrid` (with the cosine) and `lexical`
 *    (without; for lexical-only mode and texts without a vector yet);
 * 3. each variant's decision threshold maximises the lower of the two sets' F1; its cluster
 *    threshold is the lowest from which at most CLUSTER_NEGATIVE_SHARE of the negative pairs
 *    score (a cluster should hold one ask, not related ones);
 * 4. the vector-neighbour floor keeps NEIGHBOUR_RECALL of the positive pairs' cosines;
 * 5. leave-one-state-out cross-validation (each state's pairs decided by a model fitted without
 *    that state) is printed and recorded, as the estimate for unseen data.
 *
 * Needs the embedding model (npm install) for the hybrid variant. Deterministic for the same data
 * and vectors.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { embedder } from '../src/features/embeddings/index.ts';
import {
  FEATURES,
  featuresOfPairs,
  featureVector,
  fitLogistic,
  MODEL_FILE,
  type OverlapModel,
  type PairFeatures,
  type Variant,
} from '../src/features/overlaps/index.ts';
import {
  DEV_SETS,
  docsByState,
  isPositive,
  kindPair,
  languagePair,
  readDevSet,
  type DevPair,
  type DevSet,
} from './overlaps/dev-sets.ts';

const CLUSTER_NEGATIVE_SHARE = 0.01;
const NEIGHBOUR_RECALL = 0.98;
const NEIGHBOURS = 10;
const L2 = 0.01;

const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false } } });
if (!embedder()) {
  console.error(
    'fit:overlaps needs the embedding model (npm run model:install): the hybrid variant is fitted on its cosines',
  );
  process.exit(2);
}

interface Row {
  readonly set: string;
  readonly state: string;
  readonly pair: DevPair;
  readonly features: PairFeatures;
  readonly y: number;
  readonly kinds: string;
  readonly languages: string;
}

const rows: Row[] = [];
for (const name of DEV_SETS) {
  const set: DevSet = readDevSet(name);
  const byState = await docsByState(set, true);
  const pairsByState = new Map<string, DevPair[]>();
  for (const p of set.pairs) {
    const state = set.records.get(p.a)!.state;
    pairsByState.set(state, [...(pairsByState.get(state) ?? []), p]);
  }
  for (const [state, pairs] of pairsByState) {
    const features = featuresOfPairs(
      byState.get(state)!,
      pairs.map((p) => [p.a, p.b] as const),
    );
    pairs.forEach((pair, k) =>
      rows.push({
        set: name,
        state: `${name}:${state}`,
        pair,
        features: features[k]!,
        y: isPositive(pair.label) ? 1 : 0,
        kinds: kindPair(set, pair),
        languages: languagePair(set, pair),
      }),
    );
  }
}
console.log(
  `${rows.length} labelled pairs (${rows.filter((r) => r.y).length} positive) from ${DEV_SETS.join(', ')}`,
);

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const fit = (variant: Variant, train: readonly Row[]) =>
  fitLogistic(
    train.map((r) =>
      featureVector(variant === 'lexical' ? { ...r.features, cosine: null } : r.features, variant),
    ),
    train.map((r) => r.y),
    { l2: L2 },
  );
const predict = (variant: Variant, m: { weights: number[]; bias: number }, r: Row) =>
  sigmoid(
    featureVector(
      variant === 'lexical' ? { ...r.features, cosine: null } : r.features,
      variant,
    ).reduce((z, x, k) => z + m.weights[k]! * x, m.bias),
  );

function prf(scored: readonly { y: number; p: number }[], t: number) {
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const { y, p } of scored) {
    if (p >= t && y) tp++;
    else if (p >= t) fp++;
    else if (y) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    pairs: scored.length,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The hybrid variant's threshold maximises the lower of the two sets' F1. The lexical variant's
 * maximises F1 over the same-language pairs of both sets together: across languages words rarely
 * meet, and lexical-only mode (no model) compares texts within one language.
 */
function chooseThreshold(variant: Variant, all: readonly (Row & { p: number })[]) {
  const scored = variant === 'lexical' ? all.filter((r) => !r.features.crossLanguage) : all;
  const groups =
    variant === 'lexical' ? [scored] : DEV_SETS.map((s) => scored.filter((r) => r.set === s));
  let best = { t: 0.5, score: -1 };
  for (let t = 0.05; t <= 0.95 + 1e-9; t += 0.01) {
    const worst = Math.min(...groups.map((g) => prf(g, t).f1));
    if (worst > best.score + 1e-9) best = { t: round(t), score: worst };
  }
  return best.t;
}

function clusterThreshold(scored: readonly (Row & { p: number })[], floor: number) {
  const negatives = scored
    .filter((r) => !r.y)
    .map((r) => r.p)
    .sort((a, b) => b - a);
  const allowed = Math.floor(negatives.length * CLUSTER_NEGATIVE_SHARE);
  const above = negatives[allowed] ?? 0;
  return round(Math.max(floor, Math.min(0.99, above + 0.005)));
}

const report: Record<string, unknown> = {};
const variants = {} as OverlapModel['variants'];
for (const variant of ['lexical', 'hybrid'] as const) {
  const m = fit(variant, rows);
  const scored = rows.map((r) => ({ ...r, p: predict(variant, m, r) }));
  const threshold = chooseThreshold(variant, scored);
  const cluster = clusterThreshold(scored, threshold);
  const negatives = rows.filter((r) => !r.y);
  const baseline = FEATURES[variant].map((_f, k) =>
    round(
      negatives.reduce(
        (s, r) =>
          s +
          featureVector(
            variant === 'lexical' ? { ...r.features, cosine: null } : r.features,
            variant,
          )[k]!,
        0,
      ) / negatives.length,
    ),
  );
  variants[variant] = {
    features: [...FEATURES[variant]],
    weights: m.weights.map((w) => Math.round(w * 10000) / 10000),
    bias: Math.round(m.bias * 10000) / 10000,
    threshold,
    clusterThreshold: cluster,
    baseline,
  };
  // Leave one state out: each state's pairs scored by a model fitted without it (threshold
  // chosen again on the training states).
  const cv: (Row & { p: number })[] = [];
  for (const state of new Set(rows.map((r) => r.state))) {
    const train = rows.filter((r) => r.state !== state);
    const mm = fit(variant, train);
    const t = chooseThreshold(
      variant,
      train.map((r) => ({ ...r, p: predict(variant, mm, r) })),
    );
    for (const r of rows.filter((x) => x.state === state))
      cv.push({ ...r, p: predict(variant, mm, r) >= t ? 1 : 0 });
  }
  const figures = (list: readonly (Row & { p: number })[], t: number) => {
    const out: Record<string, unknown> = {};
    for (const s of DEV_SETS) {
      const mine = list.filter((r) => r.set === s);
      const byKind: Record<string, unknown> = {};
      for (const k of new Set(mine.map((r) => r.kinds))) {
        const f = prf(
          mine.filter((r) => r.kinds === k),
          t,
        );
        byKind[k] = { pairs: f.pairs, precision: round(f.precision), recall: round(f.recall) };
      }
      const byLanguage: Record<string, unknown> = {};
      for (const k of new Set(mine.map((r) => r.languages))) {
        const f = prf(
          mine.filter((r) => r.languages === k),
          t,
        );
        byLanguage[k] = { pairs: f.pairs, precision: round(f.precision), recall: round(f.recall) };
      }
      const f = prf(mine, t);
      out[s] = {
        precision: round(f.precision),
        recall: round(f.recall),
        f1: round(f.f1),
        byKind,
        byLanguage,
      };
    }
    return out;
  };
  report[variant] = { fitted: figures(scored, threshold), leaveOneStateOut: figures(cv, 0.5) };
  console.log(`\n${variant}: threshold ${threshold}, cluster threshold ${cluster}`);
  for (const [label, fig] of Object.entries(
    report[variant] as Record<
      string,
      Record<string, { precision: number; recall: number; f1: number }>
    >,
  )) {
    for (const s of DEV_SETS)
      console.log(
        `  ${label.padEnd(17)} ${s.padEnd(22)} P ${fig[s]!.precision.toFixed(3)} R ${fig[s]!.recall.toFixed(3)} F1 ${fig[s]!.f1.toFixed(3)}`,
      );
  }
  console.log(
    `  weights: ${FEATURES[variant].map((f, k) => `${f} ${m.weights[k]!.toFixed(2)}`).join(', ')}; bias ${m.bias.toFixed(2)}`,
  );
}

const cosines = rows
  .filter((r) => r.y && r.features.cosine != null)
  .map((r) => r.features.cosine!)
  .sort((a, b) => a - b);
const neighbourFloor = round(cosines[Math.floor(cosines.length * (1 - NEIGHBOUR_RECALL))] ?? 0);
console.log(
  `\nneighbour floor ${neighbourFloor} (keeps ${NEIGHBOUR_RECALL} of the positive pairs' cosines), ${NEIGHBOURS} neighbours per text`,
);

const model: OverlapModel = {
  version: 'hybrid-1',
  fittedOn: [...DEV_SETS],
  fittedAt: new Date().toISOString().slice(0, 10),
  neighbourFloor,
  neighbours: NEIGHBOURS,
  variants,
  report,
};
if (values['dry-run']) console.log('\n(dry run: nothing written)');
else {
  fs.writeFileSync(MODEL_FILE, `${JSON.stringify(model, null, 2)}\n`);
  console.log(`\nwrote ${MODEL_FILE}`);
}
