/**
 * `npm run bench:citations`: how much reading citations adds to an import. Times
 * `extractCitations` over real texts from ../shared/data (UPR Info's English recommendations,
 * the UN Working Group reports' ones, and CLADEM's Spanish paragraphs), and, for the ratio, the
 * language guess every import already makes of the same texts (`guessLanguage`). Prints texts,
 * citations found, ms per text and the ratio. Options: --runs N (best of N, default 3).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { guessLanguage } from '../src/core/language.ts';
import { extractCitations } from '../src/features/jurisprudence/index.ts';
import { SHARED_DATA } from './support.ts';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;

function csvTexts(file: string, column: string): string[] {
  const rows = parse<Record<string, string>>(fs.readFileSync(file), {
    columns: true,
    relax_column_count: true,
  });
  return rows.map((r) => r[column] ?? '').filter((t) => t.length > 0);
}

/** CLADEM's Markdown split into paragraphs (blank-line separated), headings and short lines left out. */
function claDemParagraphs(folder: string): string[] {
  const raw = path.join(folder, 'raw');
  return fs
    .readdirSync(raw)
    .filter((f) => f.endsWith('.md'))
    .flatMap((f) => fs.readFileSync(path.join(raw, f), 'utf8').split(/\n\s*\n/u))
    .map((p) => p.replace(/\s+/gu, ' ').trim())
    .filter((p) => p.length > 40 && !p.startsWith('#'));
}

const sets: { name: string; language: string; mechanism: string; texts: string[] }[] = [
  {
    name: 'UPR Info (en)',
    language: 'en',
    mechanism: 'UPR',
    texts: csvTexts(
      path.join(SHARED_DATA, 'upr-info-terman', 'upr_info_recommendations_sessions_1-20.csv'),
      'Text',
    ),
  },
  {
    name: 'UN UPR reports (en)',
    language: 'en',
    mechanism: 'UPR',
    texts: csvTexts(
      path.join(
        SHARED_DATA,
        'upr-un-reports-terman',
        'upr_un_reports_recommendations_2008-2014.csv',
      ),
      'text',
    ),
  },
  {
    name: 'CLADEM paragraphs (es)',
    language: 'es',
    mechanism: 'CEDAW',
    texts: claDemParagraphs(path.join(SHARED_DATA, 'cladem-women-rights-latam')),
  },
];

/** Best of RUNS, in ms. */
function best(work: () => number): { ms: number; result: number } {
  let ms = Infinity;
  let result = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    result = work();
    ms = Math.min(ms, performance.now() - started);
  }
  return { ms, result };
}

const rows = sets.map(({ name, language, mechanism, texts }) => {
  const citations = best(() =>
    texts.reduce((n, text) => n + extractCitations(text, { language, mechanism }).length, 0),
  );
  const guess = best(() => texts.reduce((n, text) => n + (guessLanguage(text) ? 1 : 0), 0));
  return {
    texts: name,
    count: texts.length,
    citations: citations.result,
    'citations ms/text': (citations.ms / texts.length).toFixed(4),
    'language guess ms/text': (guess.ms / texts.length).toFixed(4),
    'ratio to the guess': (citations.ms / guess.ms).toFixed(2),
  };
});
console.table(rows);
