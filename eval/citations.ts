/**
 * `npm run eval:citations`: citation extraction (issue 27, item 2) against labelled sets, without
 * a database. Reads eval/citations/labelled-units.jsonl (the dev set: one unit a line, id,
 * language, mechanism, text or textSha1, citations [{kind, reference, span}]) and, when it exists,
 * eval/citations/heldout-units.jsonl (the held-out set, same format). Prints precision and recall
 * per kind and overall for each set separately, dev first, then the dev set's first misses and
 * false positives. The held-out set's misses are never printed, so that nobody tunes on it.
 *
 * Units whose source text may not be redistributed carry no `text` but a `textSha1`; their text
 * is read at run time from ../shared/data by row (see `EXTERNAL_SOURCES`). When that folder is
 * absent those units are skipped, with a message saying so.
 *
 * A predicted citation is correct when its kind and reference match a labelled one of the same
 * unit; a reference cited twice in a unit counts once, on either side. Options: --file PATH (the
 * dev set), --heldout PATH, --shared DIR (instead of ../shared/data), --show N (dev misses and
 * false positives listed, default 20).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { extractCitations } from '../src/features/jurisprudence/index.ts';

interface LabelledUnit {
  id: string;
  source?: string;
  language: string | null;
  mechanism: string | null;
  text?: string;
  textSha1?: string;
  citations: { kind: string; reference: string; span?: string }[];
}

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const here = path.join(import.meta.dirname, 'citations');
const devFile = arg('--file') ?? path.join(here, 'labelled-units.jsonl');
const heldoutFile = arg('--heldout') ?? path.join(here, 'heldout-units.jsonl');
const show = Number(arg('--show') ?? 20);
const SHARED_DATA =
  arg('--shared') ?? path.resolve(import.meta.dirname, '..', '..', 'shared', 'data');

/**
 * Sources whose texts stay outside the repository: an id `{source}:{row}` is the 1-based data row
 * (header not counted) of `file`, and the text is its `column`.
 */
const EXTERNAL_SOURCES: Record<string, { file: string; column: string }> = {
  'upr-report': {
    file: path.join(
      SHARED_DATA,
      'upr-un-reports-terman',
      'upr_un_reports_recommendations_2008-2014.csv',
    ),
    column: 'text',
  },
  'upr-info': {
    file: path.join(SHARED_DATA, 'upr-info-terman', 'upr_info_recommendations_sessions_1-20.csv'),
    column: 'Text',
  },
};

const csvCache = new Map<string, Record<string, string>[] | null>();
function csvRows(file: string): Record<string, string>[] | null {
  if (!csvCache.has(file))
    csvCache.set(
      file,
      fs.existsSync(file)
        ? parse<Record<string, string>>(fs.readFileSync(file, 'utf8'), { columns: true, bom: true })
        : null,
    );
  return csvCache.get(file) ?? null;
}

const sha1 = (s: string) => createHash('sha1').update(s, 'utf8').digest('hex');

/** The unit's text: its own, or read from ../shared by row and checked against its textSha1. */
function textOf(unit: LabelledUnit, skipped: Map<string, string>): string | null {
  if (typeof unit.text === 'string') return unit.text;
  const source = unit.source ?? unit.id.split(':')[0] ?? '';
  const external = EXTERNAL_SOURCES[source];
  const row = Number(unit.id.split(':').at(-1));
  if (!external || !Number.isInteger(row) || row < 1)
    throw new Error(`${unit.id}: no text, and no external source to read it from`);
  const rows = csvRows(external.file);
  if (!rows) {
    skipped.set(source, `${external.file} is absent`);
    return null;
  }
  const text = rows[row - 1]?.[external.column];
  if (text === undefined) throw new Error(`${unit.id}: row ${row} not in ${external.file}`);
  if (unit.textSha1 && sha1(text) !== unit.textSha1)
    throw new Error(
      `${unit.id}: the text of row ${row} of ${external.file} does not match textSha1`,
    );
  return text;
}

function readUnits(file: string): LabelledUnit[] {
  return fs
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
}

type Tally = { tp: number; fp: number; fn: number };
const key = (c: { kind: string; reference: string }) => `${c.kind}\u0000${c.reference}`;
const shown = (s: string) => s.replace(/\s+/gu, ' ').slice(0, 120);
const ratio = (a: number, b: number) => (b === 0 ? '-' : (a / b).toFixed(3));
const row = (t: Tally) => ({
  labelled: t.tp + t.fn,
  predicted: t.tp + t.fp,
  correct: t.tp,
  precision: ratio(t.tp, t.tp + t.fp),
  recall: ratio(t.tp, t.tp + t.fn),
});

/** Scores one file and prints its table; returns its misses and false positives. */
function score(label: string, file: string) {
  const skipped = new Map<string, string>();
  const all = readUnits(file);
  const units = all.flatMap((u) => {
    const text = textOf(u, skipped);
    return text === null ? [] : [{ ...u, text }];
  });
  const tallies = new Map<string, Tally>();
  const tally = (kind: string) => {
    const t = tallies.get(kind) ?? { tp: 0, fp: 0, fn: 0 };
    tallies.set(kind, t);
    return t;
  };
  const misses: string[] = [];
  const falsePositives: string[] = [];
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
        falsePositives.push(
          `${unit.id} [${unit.mechanism}] ${kind} ${reference}  «${shown(span)}»`,
        );
      }
    }
    for (const [k, span] of labelled)
      if (!predicted.has(k)) {
        const [kind = '', reference = ''] = k.split('\u0000');
        tally(kind).fn++;
        misses.push(`${unit.id} [${unit.mechanism}] ${kind} ${reference}  «${shown(span)}»`);
      }
  }
  const overall = [...tallies.values()].reduce(
    (a, t) => ({ tp: a.tp + t.tp, fp: a.fp + t.fp, fn: a.fn + t.fn }),
    { tp: 0, fp: 0, fn: 0 },
  );
  const withNone = units.filter((u) => u.citations.length === 0).length;
  console.log(`\n=== ${label}: ${file}`);
  for (const [source, why] of skipped) {
    const n = all.filter((u) => (u.source ?? u.id.split(':')[0]) === source && !u.text).length;
    console.log(
      `  SKIPPED ${n} ${source} units: their texts are not in the repository and ${why}.`,
    );
  }
  console.log(`${units.length} units scored (${withNone} with no citation)`);
  console.table({
    ...Object.fromEntries(
      [...tallies].sort(([a], [b]) => a.localeCompare(b)).map(([k, t]) => [k, row(t)]),
    ),
    overall: row(overall),
  });
  return { misses, falsePositives };
}

if (!fs.existsSync(devFile)) {
  console.error(`no labelled set at ${devFile}`);
  process.exit(1);
}
const dev = score('DEV SET (labelled-units.jsonl)', devFile);
if (fs.existsSync(heldoutFile)) score('HELD-OUT SET (figures only)', heldoutFile);
else console.log(`\n(no held-out set at ${heldoutFile})`);

console.log(`\ndev misses (${dev.misses.length}, first ${Math.min(show, dev.misses.length)}):`);
for (const m of dev.misses.slice(0, show)) console.log(`  ${m}`);
console.log(
  `\ndev false positives (${dev.falsePositives.length}, first ${Math.min(show, dev.falsePositives.length)}):`,
);
for (const f of dev.falsePositives.slice(0, show)) console.log(`  ${f}`);
