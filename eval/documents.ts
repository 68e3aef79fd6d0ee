/**
 * `npm run eval:documents`: how well the document importer reads real documents, without a
 * database (docs/benchmarks.md#documents):
 *
 * - CLADEM's corpus (../shared/data/cladem-women-rights-latam): units and their kinds by
 *   mechanism; agreement of "recommendation" with CLADEM's bold (its own marking of the asks);
 *   the symbols read from the footnotes against the corpus's `documents.csv` (derived
 *   separately); the ids against the labelled overlap set (`overlap-dev-crossmech`), whose
 *   CLADEM records were cut by hand-checked rules;
 * - the recommending states read from 217 UPR paragraphs against HURIDOCS' labels
 *   (`huridocs-upr-parsing-labels`);
 * - a seeded sample of 40 units across mechanisms, written to .tmp/eval/document-units.md for
 *   reading by hand against the raw text. Options: --seed N.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { PROJECT_ROOT } from '../src/core/config.ts';
import { readReferenceData } from '../src/features/reference/index.ts';
import { StateNameIndex } from '../src/features/states/index.ts';
import {
  classifyDocument,
  documentKey,
  readCladem,
  recommendingStatesOf,
  type ClassifiedUnit,
} from '../src/features/imports/index.ts';
import { SHARED_DATA, random } from '../bench/support.ts';

const CLADEM = path.join(SHARED_DATA, 'cladem-women-rights-latam');
const seedArg = process.argv.indexOf('--seed');
const seed = seedArg > 0 ? Number(process.argv[seedArg + 1]) : 20261207;

type Row = Record<string, string>;
const csv = (file: string) => parse<Row>(fs.readFileSync(file), { columns: true, bom: true });

// 1. CLADEM: units, kinds, bold.
const corpus = readCladem(CLADEM);
const kinds = new Map<string, Record<string, number>>();
const units: { mechanism: string; name: string; start: number; unit: ClassifiedUnit }[] = [];
const ids = new Map<string, string>();
const bold = { recommendationBold: 0, recommendationPlain: 0, otherBold: 0, otherPlain: 0 };
for (const d of corpus.documents) {
  const start = Number(d.name.split(':').at(-1));
  const byKind = kinds.get(d.meta.mechanism) ?? {};
  kinds.set(d.meta.mechanism, byKind);
  for (const unit of classifyDocument(d.lines, 'es').units) {
    byKind[unit.kind] = (byKind[unit.kind] ?? 0) + 1;
    byKind['units'] = (byKind['units'] ?? 0) + 1;
    ids.set(`${documentKey(d.meta)}#${unit.label}`, unit.kind);
    units.push({ mechanism: d.meta.mechanism, name: d.name, start, unit });
    if (unit.kind === 'RECOMMENDATION')
      bold[unit.highlighted ? 'recommendationBold' : 'recommendationPlain']++;
    else if (unit.kind !== 'CHAPEAU') bold[unit.highlighted ? 'otherBold' : 'otherPlain']++;
  }
}
console.log(`CLADEM: ${corpus.documents.length} reviews, ${units.length} units`);
console.table(Object.fromEntries(kinds));
const precision = bold.recommendationBold / (bold.recommendationBold + bold.recommendationPlain);
const recall = bold.recommendationBold / (bold.recommendationBold + bold.otherBold);
console.log(
  `against CLADEM's bold: ${bold.recommendationBold} recommendations in bold, ${bold.recommendationPlain} not; ${bold.otherBold} bold units taken for something else (bold-precision ${precision.toFixed(3)}, bold-recall ${recall.toFixed(3)})`,
);

// Symbols: documents.csv's heading symbol (check "ok") against the one read from the footnotes.
const sections = csv(path.join(CLADEM, 'documents.csv')).filter(
  (r) => r['section_kind'] === 'report',
);
const ours = new Map(
  corpus.documents.map((d) => [
    `${d.name.split(':')[0]}:${Number(d.name.split(':').at(-1))}`,
    d.meta.symbol,
  ]),
);
let same = 0;
let checked = 0;
const differing: string[] = [];
for (const r of sections.filter((s) => s['doc_symbol_check'] === 'ok')) {
  checked++;
  const symbol = ours.get(`${r['file']}:${r['line']}`);
  if (symbol === r['doc_symbol']) same++;
  else
    differing.push(`${r['file']}:${r['line']} documents.csv ${r['doc_symbol']} / read ${symbol}`);
}
console.log(
  `symbols: ${same} of ${checked} "ok" reports read as documents.csv has them; ${corpus.documents.filter((d) => d.meta.syntheticSymbol).length} recorded under a CLADEM/… symbol`,
);
for (const line of differing.slice(0, 10)) console.log(`  ${line}`);
console.log(
  `thematic index: ${corpus.indexEntries} entries, ${corpus.unresolvedIndexEntries.length} unresolved`,
);

// Ids against the labelled overlap set's CLADEM records.
const dev = fs
  .readFileSync(path.join(SHARED_DATA, 'overlap-dev-crossmech', 'recommendations.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { id: string; source?: { dataset?: string } })
  .filter((r) => r.source?.dataset?.startsWith('cladem'));
const found = dev.filter((r) => ids.has(r.id));
console.log(
  `overlap-dev-crossmech: ${found.length} of ${dev.length} CLADEM records have the same id here, ${found.filter((r) => ids.get(r.id) === 'RECOMMENDATION').length} of them read as recommendations`,
);

// 2. Recommending states against HURIDOCS' labels.
const reference = readReferenceData();
const names = new StateNameIndex(
  reference.states.map((s) => ({
    iso3: s.iso3,
    names: [...s.names, ...Object.values(s.namesByLanguage).flat()],
  })),
);
const labelled = csv(
  path.join(SHARED_DATA, 'huridocs-upr-parsing-labels', 'upr_paragraphs_parsed_labels.csv'),
);
let exact = 0;
const wrong: string[] = [];
for (const r of labelled) {
  const text = r['raw_text']!.replace(/^\s*\d+(?:\.\d+)*\s+/u, '');
  const got = recommendingStatesOf(text, names).iso3s.sort();
  const want = r['recommending_states']!.split(';')
    .map((n) => names.resolve(n.trim()) ?? `?${n.trim()}`)
    .sort();
  if (JSON.stringify(got) === JSON.stringify(want)) exact++;
  else wrong.push(`${r['paragraph_number']}: read ${got.join(',')} labelled ${want.join(',')}`);
}
console.log(
  `recommending states (HURIDOCS, Eswatini 118.x): ${exact} of ${labelled.length} paragraphs exactly as labelled`,
);
for (const line of wrong.slice(0, 10)) console.log(`  ${line}`);

// 3. A seeded sample of 40 units across mechanisms, for reading by hand.
const next = random(seed);
const mechanisms = [...new Set(units.map((u) => u.mechanism))].sort();
const sample: typeof units = [];
for (let i = 0; sample.length < 40; i++) {
  const pool = units.filter(
    (u) => u.mechanism === mechanisms[i % mechanisms.length] && !sample.includes(u),
  );
  if (pool.length) sample.push(pool[Math.floor(next() * pool.length)]!);
}
const out = path.join(PROJECT_ROOT, '.tmp', 'eval', 'document-units.md');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(
  out,
  sample
    .map(
      ({ mechanism, name, start, unit }, i) =>
        `## Unit ${i + 1}\n- file: ${path.join(CLADEM, name.split(':')[0]!)}\n- line: ${start + unit.line - 1}\n- mechanism: ${mechanism}\n- label: ${unit.label}\n- kind: ${unit.kind}\n- text: ${unit.text}\n- chapeau: ${unit.chapeau ?? '(none)'}\n- concern: ${unit.concern?.slice(0, 300) ?? '(none)'}\n- preamble: ${unit.preamble ?? '(none)'}\n`,
    )
    .join('\n'),
);
console.log(
  `sample of 40 units for reading by hand: ${path.relative(PROJECT_ROOT, out)} (seed ${seed})`,
);
