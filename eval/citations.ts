/**
 * `npm run eval:citations`: citation extraction (issue 27, item 2) against a labelled set,
 * without a database. Reads eval/citations/labelled-units.jsonl (one unit a line: id, language,
 * mechanism, text, citations [{kind, reference, span}]) and prints precision and recall per kind
 * and overall, then the first misses and false positives.
 *
 * A predicted citation is correct when its kind and reference match a labelled one of the same
 * unit; a reference cited twice in a unit counts once, on either side. Options: --file PATH,
 * --show N (misses and false positives listed, default 20).
 */
import fs from 'node:fs';
import path from 'node:path';
import { extractCitations } from '../src/features/jurisprudence/index.ts';

interface LabelledUnit {
  id: string;
  language: string | null;
  mechanism: string | null;
  text: string;
  citations: { kind: string; reference: string; span?: string }[];
}

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const file = arg('--file') ?? path.join(import.meta.dirname, 'citations', 'labelled-units.jsonl');
const show = Number(arg('--show') ?? 20);

if (!fs.existsSync(file)) {
  console.error(`no labelled set at ${file}`);
  process.exit(1);
}
const units = fs
  .readFileSync(file, 'utf8')
  .split('\n')
  .map((line, i) => ({ line: line.trim(), n: i + 1 }))
  .filter(({ line }) => line !== '')
  .map(({ line, n }) => {
    try {
      return JSON.parse(line) as LabelledUnit;
    } catch (error) {
      throw new Error(`${file}:${n}: not JSON (${String(error)})`, { cause: error });
    }
  });

type Tally = { tp: number; fp: number; fn: number };
const tallies = new Map<string, Tally>();
const tally = (kind: string) => {
  const t = tallies.get(kind) ?? { tp: 0, fp: 0, fn: 0 };
  tallies.set(kind, t);
  return t;
};
const misses: string[] = [];
const falsePositives: string[] = [];
const key = (c: { kind: string; reference: string }) => `${c.kind}\u0000${c.reference}`;
const shown = (s: string) => s.replace(/\s+/gu, ' ').slice(0, 120);

for (const unit of units) {
  const predicted = new Map<string, string>();
  for (const c of extractCitations(unit.text, {
    language: unit.language,
    mechanism: unit.mechanism,
  }))
    if (!predicted.has(key(c))) predicted.set(key(c), c.span);
  const labelled = new Map<string, string>();
  for (const c of unit.citations) if (!labelled.has(key(c))) labelled.set(key(c), c.span ?? '');
  for (const [k, span] of predicted) {
    const [kind = '', reference = ''] = k.split('\u0000');
    if (labelled.has(k)) tally(kind).tp++;
    else {
      tally(kind).fp++;
      falsePositives.push(`${unit.id} [${unit.mechanism}] ${kind} ${reference}  «${shown(span)}»`);
    }
  }
  for (const [k, span] of labelled)
    if (!predicted.has(k)) {
      const [kind = '', reference = ''] = k.split('\u0000');
      tally(kind).fn++;
      misses.push(`${unit.id} [${unit.mechanism}] ${kind} ${reference}  «${shown(span)}»`);
    }
}

const ratio = (a: number, b: number) => (b === 0 ? '-' : (a / b).toFixed(3));
const row = (t: Tally) => ({
  labelled: t.tp + t.fn,
  predicted: t.tp + t.fp,
  correct: t.tp,
  precision: ratio(t.tp, t.tp + t.fp),
  recall: ratio(t.tp, t.tp + t.fn),
});
const overall = [...tallies.values()].reduce(
  (a, t) => ({ tp: a.tp + t.tp, fp: a.fp + t.fp, fn: a.fn + t.fn }),
  { tp: 0, fp: 0, fn: 0 },
);
const withNone = units.filter((u) => u.citations.length === 0).length;
console.log(`${units.length} units (${withNone} with no citation) from ${file}`);
console.table({
  ...Object.fromEntries(
    [...tallies].sort(([a], [b]) => a.localeCompare(b)).map(([k, t]) => [k, row(t)]),
  ),
  overall: row(overall),
});
console.log(`\nmisses (${misses.length}, first ${Math.min(show, misses.length)}):`);
for (const m of misses.slice(0, show)) console.log(`  ${m}`);
console.log(
  `\nfalse positives (${falsePositives.length}, first ${Math.min(show, falsePositives.length)}):`,
);
for (const f of falsePositives.slice(0, show)) console.log(`  ${f}`);
