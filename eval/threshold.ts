/**
 * `npm run eval:threshold -- --recommendations <jsonl> --pairs <csv> [--real <upr-info csv>]`:
 * whether the link threshold (LINK_THRESHOLD) is likely to hold on data it was not chosen on.
 *
 * 1. Scores the labelled pairs in memory, each state's recommendations as detection compares
 *    them (`detectState`, the same scoring as `eval:overlaps`, down to a score of 0.10), and
 *    prints precision and recall at thresholds around the one in use, with each one's margin over
 *    the issue's goals (precision 0.90, recall 0.85) in standard errors.
 * 2. Leave one state out: for each state, the threshold with the widest smaller margin is chosen
 *    on the other states' pairs and applied to this state's; the held-out counts are pooled.
 * 3. With `--real`, the UPR Info export: a seeded random sample of the links that detection
 *    makes just below the threshold and just above it, with both texts, for a person to judge
 *    whether moving the threshold would add or drop mostly right links. Labelled pairs are a
 *    designed mix; these bands show the links a user would actually get.
 *
 * Options: --states (for --real: the UPR Info "To" names, comma-separated), --below / --above
 * (the width of the two bands, default 0.02 / 0.03), --sample N (per band, default 30), --seed N.
 * No database is needed: nothing is stored.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { detectState, LINK_THRESHOLD, type DetectDoc } from '../src/features/overlaps/index.ts';
import { draw, random } from '../bench/support.ts';

const GOAL = { precision: 0.9, recall: 0.85 };
const FLOOR = 0.1;
const POSITIVE = new Set(['SAME', 'PARTIAL']);

const { values } = parseArgs({
  options: {
    recommendations: { type: 'string' },
    pairs: { type: 'string' },
    real: { type: 'string' },
    states: { type: 'string', default: 'Kenya,Mexico,China,Pakistan,Germany,Peru' },
    below: { type: 'string', default: '0.02' },
    above: { type: 'string', default: '0.03' },
    sample: { type: 'string', default: '30' },
    seed: { type: 'string', default: '20261123' },
  },
});
if (!values.recommendations || !values.pairs) {
  console.error(
    'usage: npm run eval:threshold -- --recommendations <jsonl> --pairs <csv> [--real <upr-info csv>]',
  );
  process.exit(2);
}

interface Labelled {
  readonly state: string;
  readonly positive: boolean;
  /** The pair's score, or 0 when detection does not link it even at FLOOR. */
  readonly score: number;
}
interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Each state's links down to `threshold`, scored as detection scores them. */
function linksByState(docs: readonly (DetectDoc & { state: string })[], threshold: number) {
  const byState = new Map<string, (typeof docs)[number][]>();
  for (const d of docs) {
    const own = byState.get(d.state);
    if (own) own.push(d);
    else byState.set(d.state, [d]);
  }
  return [...byState].flatMap(([state, own]) =>
    detectState(own, { threshold }).links.map((link) => ({ state, ...link })),
  );
}

function countsAt(pairs: readonly Labelled[], threshold: number): Counts {
  const c = { tp: 0, fp: 0, fn: 0 };
  for (const p of pairs) {
    const linked = p.score >= threshold;
    if (linked && p.positive) c.tp++;
    else if (linked) c.fp++;
    else if (p.positive) c.fn++;
  }
  return c;
}

/** Precision and recall with each one's distance above its goal, in standard errors. */
function measure({ tp, fp, fn }: Counts) {
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  const z = (value: number, goal: number, n: number) =>
    (value - goal) / Math.sqrt(Math.max(value * (1 - value), 1e-6) / Math.max(n, 1));
  return {
    precision,
    recall,
    zPrecision: z(precision, GOAL.precision, tp + fp),
    zRecall: z(recall, GOAL.recall, tp + fn),
  };
}

const THRESHOLDS = Array.from(
  { length: 41 },
  (_, i) => Math.round((0.15 + i * 0.005) * 1000) / 1000,
);

/** The threshold whose smaller margin (precision or recall over its goal) is widest. */
function balanced(pairs: readonly Labelled[]): number {
  let best = LINK_THRESHOLD;
  let widest = -Infinity;
  for (const t of THRESHOLDS) {
    const m = measure(countsAt(pairs, t));
    const margin = Math.min(m.zPrecision, m.zRecall);
    if (margin > widest) [best, widest] = [t, margin];
  }
  return best;
}

const f3 = (x: number) => x.toFixed(3);
const f2 = (x: number) => x.toFixed(2);

// 1. The labelled pairs' scores.
/** The fields of a canonical NDJSON record (schema/) that scoring reads. */
interface CanonicalRecord {
  id: string;
  state: string;
  text: string;
  language?: string | null;
  mechanism?: string;
  cycle?: number | null;
  year?: number | null;
  documentSymbol?: string | null;
}
const docs = fs
  .readFileSync(values.recommendations, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => {
    const r = JSON.parse(line) as CanonicalRecord;
    return {
      id: r.id,
      state: r.state,
      text: r.text,
      language: r.language ?? 'en',
      mechanism: r.mechanism ?? 'UPR',
      cycle: r.cycle ?? null,
      year: r.year ?? null,
      source: r.documentSymbol ?? null,
    };
  });
const stateOf = new Map(docs.map((d) => [d.id, d.state]));
const scores = new Map<string, number>();
for (const link of linksByState(docs, FLOOR)) {
  scores.set(`${link.a}\u0000${link.b}`, link.score);
  scores.set(`${link.b}\u0000${link.a}`, link.score);
}
const labelled: Labelled[] = parse<{ a_id: string; b_id: string; label: string }>(
  fs.readFileSync(values.pairs),
  { columns: true, skip_empty_lines: true },
).map((p) => ({
  state: stateOf.get(p.a_id) ?? '?',
  positive: POSITIVE.has(p.label),
  score: scores.get(`${p.a_id}\u0000${p.b_id}`) ?? 0,
}));

console.log(
  `${labelled.length} labelled pairs, ${new Set(labelled.map((p) => p.state)).size} states; threshold in use ${LINK_THRESHOLD}`,
);
console.log('\n| threshold | precision | recall | precision margin (SE) | recall margin (SE) |');
console.log('|---|---|---|---|---|');
for (const t of THRESHOLDS.filter((x) => Math.abs(x - LINK_THRESHOLD) <= 0.05 + 1e-9)) {
  const m = measure(countsAt(labelled, t));
  const mark = Math.abs(t - LINK_THRESHOLD) < 1e-9 ? ' (in use)' : '';
  console.log(
    `| ${t.toFixed(3)}${mark} | ${f3(m.precision)} | ${f3(m.recall)} | ${f2(m.zPrecision)} | ${f2(m.zRecall)} |`,
  );
}

// 2. Leave one state out.
const pooled = { tp: 0, fp: 0, fn: 0 };
const chosen: string[] = [];
for (const state of [...new Set(labelled.map((p) => p.state))].sort()) {
  const t = balanced(labelled.filter((p) => p.state !== state));
  const c = countsAt(
    labelled.filter((p) => p.state === state),
    t,
  );
  pooled.tp += c.tp;
  pooled.fp += c.fp;
  pooled.fn += c.fn;
  chosen.push(`${state} ${t.toFixed(3)}`);
}
const held = measure(pooled);
const fixed = measure(countsAt(labelled, LINK_THRESHOLD));
console.log(`\nleave one state out, threshold chosen on the others: ${chosen.join(', ')}`);
console.log(
  `held-out pooled: precision ${f3(held.precision)}, recall ${f3(held.recall)}; with ${LINK_THRESHOLD} everywhere: precision ${f3(fixed.precision)}, recall ${f3(fixed.recall)}`,
);

// 3. The links just below and above the threshold on real data.
if (values.real) {
  const wanted = new Set(values.states.split(',').map((s) => s.trim()));
  const rows = parse<Record<string, string>>(fs.readFileSync(values.real), { columns: true });
  const real = rows.flatMap((row, i) =>
    wanted.has(row['To'] ?? '')
      ? [
          {
            id: String(i + 1),
            state: row['To']!,
            text: row['Text'] ?? '',
            language: 'en',
            mechanism: 'UPR',
            cycle: Number(row['Cycle']) || null,
            year: null,
            source: row['Session'] ?? null,
          },
        ]
      : [],
  );
  const text = new Map(real.map((d) => [d.id, d.text]));
  const low = LINK_THRESHOLD - Number(values.below);
  const high = LINK_THRESHOLD + Number(values.above);
  const links = linksByState(real, low);
  const rand = random(Number(values.seed));
  console.log(
    `\n${real.length} UPR Info recommendations of ${wanted.size} states: ${links.length} links from ${f2(low)}, ${links.filter((l) => l.score >= LINK_THRESHOLD).length} from ${LINK_THRESHOLD}`,
  );
  for (const [name, from, to] of [
    ['below the threshold (not stored)', low, LINK_THRESHOLD],
    ['just above the threshold (stored)', LINK_THRESHOLD, high],
  ] as const) {
    const band = links.filter((l) => l.score >= from && l.score < to);
    console.log(`\n## ${band.length} links ${name}: ${f3(from)} <= score < ${f3(to)}`);
    for (const [k, l] of draw(band, Number(values.sample), rand).entries()) {
      console.log(
        `\n${k + 1}. [${l.state}, ${l.score} ${l.kind}${l.evidence.signature ? `; ${l.evidence.signature}` : ''}]\n   A: ${text.get(l.a)}\n   B: ${text.get(l.b)}`,
      );
    }
  }
}
