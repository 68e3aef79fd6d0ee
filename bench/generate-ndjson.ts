/**
 * Writes a deterministic NDJSON file of N recommendations (default 300,000) in recgraph's canonical
 * format, from real recommendation texts (UPR Info export and the overlap development set in
 * ../shared/data), spread over states, mechanisms, cycles, years, themes and recommending states.
 * The same N and seed always give the same bytes.
 *
 *   npx tsx bench/generate-ndjson.ts --rows 300000 --out .tmp/bench/recs-300k.ndjson
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { readReferenceData } from '../src/features/reference/index.ts';
import { random, SHARED_DATA } from './support.ts';

export function realTexts(): string[] {
  const texts: string[] = [];
  const uprInfo = path.join(
    SHARED_DATA,
    'upr-info-terman',
    'upr_info_recommendations_sessions_1-20.csv',
  );
  if (fs.existsSync(uprInfo)) {
    for (const row of parse<{ Text: string }>(fs.readFileSync(uprInfo), {
      columns: true,
      bom: true,
      relax_column_count: true,
    })) {
      if (row.Text?.trim()) texts.push(row.Text.trim());
    }
  }
  const dev = path.join(SHARED_DATA, 'overlap-dev', 'recommendations.jsonl');
  if (fs.existsSync(dev)) {
    for (const line of fs.readFileSync(dev, 'utf8').split('\n')) {
      if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
    }
  }
  if (!texts.length) throw new Error(`no texts found under ${SHARED_DATA}`);
  return texts;
}

const MECHANISMS = [
  'UPR',
  'UPR',
  'UPR',
  'CEDAW',
  'CRC',
  'CCPR',
  'CESCR',
  'CAT',
  'CERD',
  'CRPD',
  'GREVIO',
  'MESECVI',
  'SP-VAW',
];
const THEMES = ['A12', 'B31', 'B32', 'D26', 'D27', 'E1', 'E41', 'F12', 'F13', 'G1', 'H1', 'S11'];
const GROUPS = [
  'women-girls',
  'children',
  'persons-with-disabilities',
  'migrants',
  'minorities',
  'human-rights-defenders',
];

export function generate(rows: number, out: string, seed = 20261122): void {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const texts = realTexts();
  const states = readReferenceData()
    .states.filter((s) => s.unMember)
    .map((s) => s.iso3);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const fd = fs.openSync(out, 'w');
  let buffer: string[] = [];
  for (let n = 1; n <= rows; n++) {
    const mechanism = pick(MECHANISMS);
    const state = pick(states);
    const cycle = 1 + Math.floor(rand() * 4);
    const year = 2008 + (cycle - 1) * 5 + Math.floor(rand() * 5);
    const upr = mechanism === 'UPR';
    const symbol = upr
      ? `A/HRC/${7 + cycle * 10}/${n % 97}`
      : `${mechanism}/C/${state}/CO/${cycle}`;
    buffer.push(
      JSON.stringify({
        mechanism,
        state,
        text: pick(texts),
        language: 'en',
        year,
        documentSymbol: symbol,
        paragraph: upr ? `${100 + (n % 50)}.${n}` : `${n}(${'abcdef'[n % 6]})`,
        cycle,
        recommendingStates: upr ? [pick(states), ...(rand() < 0.3 ? [pick(states)] : [])] : [],
        response: upr ? pick(['SUPPORTED', 'SUPPORTED', 'NOTED']) : null,
        themes: [pick(THEMES), pick(THEMES)].map((code) => ({
          scheme: 'UHRI_LEGACY',
          code,
          label: code,
        })),
        affectedPersons: rand() < 0.5 ? [{ code: pick(GROUPS), label: pick(GROUPS) }] : [],
        sdgTargets:
          rand() < 0.3 ? [pick(['5.1', '5.2', '5.5', '16.3', '16.10', '4.5', '10.3'])] : [],
        source: { dataset: 'bench-generated', id: String(n) },
      }),
    );
    if (buffer.length === 10_000) {
      fs.writeSync(fd, buffer.join('\n') + '\n');
      buffer = [];
    }
  }
  if (buffer.length) fs.writeSync(fd, buffer.join('\n') + '\n');
  fs.closeSync(fd);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1]! : fallback;
  };
  const rows = Number(arg('--rows', '300000'));
  const out = path.resolve(arg('--out', `.tmp/bench/recs-${rows}.ndjson`));
  generate(rows, out);
  console.log(`wrote ${rows} recommendations to ${out}`);
}
