/**
 * `recgraph import --format hudoc`: European Court of Human Rights judgments from CSV, in either
 * layout of ../shared/data/echr-hudoc-metadata, told apart by the header:
 * - ECHR-OD extracts (`itemid, appno, docname, country_name, …, violated_articles,
 *   no_violation_articles`);
 * - HUDOC's own export (`Document Title, Application Number, Document Type, Originating Body,
 *   Date, Conclusion`), whose conclusion strings (English or French) are parsed here.
 * A judgment's id is `ECtHR/{first application number}/{date}`, so the language versions of one
 * judgment, and the same judgment in both layouts, are one decision.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { DbContext } from '../../../graphql/context.ts';
import { echrArticleCode } from '../article-codes.ts';
import {
  importDrafts,
  type DecisionDraft,
  type DecisionImportOptions,
  type DecisionImportResult,
  type DecisionProblem,
} from '../decision-import.ts';

type Layout = 'echr-od' | 'hudoc-export';

const LAYOUTS: Record<Layout, readonly string[]> = {
  'echr-od': ['itemid', 'appno', 'docname', 'country_name', 'judgement_date', 'violated_articles'],
  'hudoc-export': ['Document Title', 'Application Number', 'Document Type', 'Date', 'Conclusion'],
};

/** `18/07/2017 00:00:00` or `18/07/2017` as an ISO date, or undefined. */
export function hudocDate(text: string): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s|$)/u.exec(text.trim());
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : undefined;
}

/** The parts of a conclusion at the top level (`;` inside parentheses does not split). */
function topLevelParts(conclusion: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of conclusion) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ';' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  parts.push(current.trim());
  return parts.filter(Boolean);
}

const FINDING =
  /^(no violation|non-violation|violation)\s+(?:of|de l['’])\s*(?:article|art\.)\s*([0-9a-z]+(?:[+-][0-9a-z]+)*)(?:\s+(?:of protocol no\.|du protocole n°)\s*(\d+))?/iu;

export interface Conclusion {
  readonly articles: { code: string; violated: boolean }[];
  readonly outcome: string | null;
}

/**
 * Reads a HUDOC conclusion: findings of (no) violation with their articles (`14+8-1` is two;
 * `of Protocol No. 1` is ECHR-P1), inadmissibility, striking out. Just satisfaction is left out.
 * @example parseConclusion('Violation of Article 6 - Right to a fair trial (Article 6-1 - Reasonable time)')
 */
export function parseConclusion(conclusion: string): Conclusion {
  const articles: { code: string; violated: boolean }[] = [];
  let inadmissible = false;
  let struck = false;
  for (const part of topLevelParts(conclusion)) {
    const m = FINDING.exec(part);
    if (m) {
      const violated = m[1]!.toLowerCase() === 'violation';
      const protocol = m[3];
      for (const a of m[2]!.split('+')) {
        articles.push({
          code: protocol ? `ECHR-P${protocol}-${a}` : echrArticleCode(a),
          violated,
        });
      }
      // "(Article 6 - Civil proceedings;Article 6-1 - Reasonable time)": the paragraphs concerned.
      if (!protocol) {
        for (const [, sub] of part.matchAll(/\(?Article (\d+-[0-9a-z-]+) - /gu)) {
          articles.push({ code: echrArticleCode(sub!), violated });
        }
      }
    } else if (/inadmissible|irrecevable/iu.test(part)) inadmissible = true;
    else if (/struck out|ray[ée]e? du r[ôo]le/iu.test(part)) struck = true;
  }
  const outcome = articles.some((a) => a.violated)
    ? 'VIOLATION'
    : articles.length
      ? 'NO_VIOLATION'
      : inadmissible
        ? 'INADMISSIBLE'
        : struck
          ? 'STRUCK_OUT'
          : null;
  return { articles, outcome };
}

/**
 * The respondents named in a case title: `CASE OF X v. SLOVAKIA (No. 4)`, `AFFAIRE X c. SUISSE
 * [Extraits]`, `CASE OF M.S. v. SLOVAKIA AND UKRAINE` (two).
 */
export function respondentsOfTitle(title: string): string[] {
  const cut = title
    .replace(/\s+-\s+\[.*$/u, '')
    .replace(/\s*\[[^\]]*\]/gu, '')
    .replace(/\s*\((?:no|n°)\.?\s*\d+\)\s*$/iu, '');
  const m = /\s(?:v\.|c\.)\s+(.+)$/u.exec(cut);
  const named = m?.[1]?.trim();
  if (!named) return [];
  // "Bosnia and Herzegovina" is one state; otherwise "and" joins respondents.
  return /bosni/iu.test(named) ? [named] : named.split(/\s+(?:and|et)\s+/iu);
}

const splitList = (text: string | undefined) =>
  (text ?? '')
    .split(/[,;]/u)
    .map((s) => s.trim())
    .filter(Boolean);

const judgmentId = (appnos: readonly string[], date: string | null) =>
  `ECtHR/${appnos[0] ?? '?'}/${date ?? '?'}`;

function echrOdDraft(
  file: string,
  line: number,
  r: Record<string, string>,
): DecisionDraft | string {
  const appnos = splitList(r['appno']);
  const date = hudocDate(r['judgement_date'] ?? '');
  if (!appnos.length) return 'no application number (appno)';
  if (!date) return `judgement_date ${JSON.stringify(r['judgement_date'] ?? '')} is not a date`;
  const articles = new Map<string, boolean | null>();
  for (const a of splitList(r['violated_articles'])) articles.set(echrArticleCode(a), true);
  for (const a of splitList(r['no_violation_articles'])) {
    const code = echrArticleCode(a);
    if (!articles.has(code)) articles.set(code, false);
  }
  // The general list names articles; keep only those no finding names more precisely.
  for (const a of splitList(r['articles'])) {
    const code = echrArticleCode(a);
    if (![...articles.keys()].some((k) => k === code || k.startsWith(`${code}-`))) {
      articles.set(code, null);
    }
  }
  const violated = [...articles.values()].some((v) => v === true);
  const warnings: string[] = [];
  if ((r['has_violation'] === 'True') !== violated) {
    warnings.push(`has_violation is ${r['has_violation']} but violated_articles says otherwise`);
  }
  const findings = [...articles.values()].some((v) => v !== null);
  return {
    file,
    line,
    id: judgmentId(appnos, date),
    symbol: null,
    body: 'ECtHR',
    kind: 'JUDGMENT',
    outcome:
      violated || r['has_violation'] === 'True' ? 'VIOLATION' : findings ? 'NO_VIOLATION' : null,
    date,
    communicationNumbers: [],
    applicationNumbers: appnos,
    title: r['docname']?.trim() || null,
    session: null,
    issues: [],
    states: r['country_name']?.trim() ? [r['country_name'].trim()] : [],
    respondentsKnown: true,
    articles: [...articles].map(([code, v]) => ({ code, violated: v })),
    url: r['itemid'] ? `https://hudoc.echr.coe.int/eng?i=${r['itemid']}` : null,
    dataset: 'echr-od',
    sourceId: r['itemid']?.trim() || `${path.basename(file)}:${line}`,
    skeleton: false,
    warnings,
  };
}

function hudocExportDraft(
  file: string,
  line: number,
  r: Record<string, string>,
): DecisionDraft | string {
  const title = r['Document Title']?.trim() ?? '';
  const appnos = splitList(r['Application Number']);
  const date = hudocDate(r['Date'] ?? '');
  if (!appnos.length) return 'no Application Number';
  if (!date) return `Date ${JSON.stringify(r['Date'] ?? '')} is not a date`;
  const states = respondentsOfTitle(title);
  if (!states.length) return `no respondent state in the title ${JSON.stringify(title)}`;
  const type = (r['Document Type'] ?? '').toUpperCase();
  const conclusion = parseConclusion(r['Conclusion'] ?? '');
  const warnings: string[] = [];
  if (!conclusion.outcome && r['Conclusion']?.trim()) {
    warnings.push(
      `no finding read in the conclusion ${JSON.stringify(r['Conclusion'].slice(0, 80))}`,
    );
  }
  return {
    file,
    line,
    id: judgmentId(appnos, date),
    symbol: null,
    body: 'ECtHR',
    kind: type.includes('JUD') ? 'JUDGMENT' : type.includes('DEC') ? 'DECISION' : null,
    outcome: conclusion.outcome,
    date,
    communicationNumbers: [],
    applicationNumbers: appnos,
    // The English title where there is one (merging keeps the first row's).
    title: title.replace(/\s+-\s+\[.*$/u, '') || null,
    session: null,
    issues: [],
    states,
    respondentsKnown: true,
    articles: conclusion.articles,
    url: null,
    dataset: 'hudoc-export',
    sourceId: `${path.basename(file)}:${line}`,
    skeleton: false,
    warnings,
  };
}

/**
 * Imports ECtHR judgments from ECHR-OD or HUDOC-export CSV files (layout detected by header).
 * Rows are all checked first; rows that cannot be read (no application number or date, unknown
 * state: with closest matches) are rejected with file:line; the rest are merged per judgment and
 * written in batches, only where they changed.
 * @example await importHudoc(ctx, ['echr_od_extracted_judgments_1904.csv'], { dryRun: true })
 */
export async function importHudoc(
  ctx: DbContext,
  files: readonly string[],
  options: DecisionImportOptions = {},
): Promise<DecisionImportResult> {
  const problems: DecisionProblem[] = [];
  const drafts: DecisionDraft[] = [];
  let read = 0;
  for (const file of files) {
    let parsed: { record: Record<string, string>; info: { lines: number } }[];
    let header: string[] = [];
    try {
      parsed = parse(fs.readFileSync(file), {
        columns: (names: string[]) => (header = names),
        bom: true,
        skip_empty_lines: true,
        info: true,
      }) as unknown as typeof parsed;
    } catch (error) {
      const line = (error as { lines?: number }).lines ?? 0;
      problems.push({
        file,
        line,
        reason: `not a readable CSV (an ECHR-OD extract or a HUDOC export): ${String(error)}`,
      });
      continue;
    }
    const layout = (Object.keys(LAYOUTS) as Layout[]).find((l) =>
      LAYOUTS[l].every((c) => header.includes(c)),
    );
    if (!layout) {
      problems.push({
        file,
        line: 1,
        reason: `neither an ECHR-OD extract (${LAYOUTS['echr-od'].join(', ')}) nor a HUDOC export (${LAYOUTS['hudoc-export'].join(', ')})`,
      });
      continue;
    }
    read += parsed.length;
    for (const { record, info } of parsed) {
      const draft =
        layout === 'echr-od'
          ? echrOdDraft(file, info.lines, record)
          : hudocExportDraft(file, info.lines, record);
      if (typeof draft === 'string') problems.push({ file, line: info.lines, reason: draft });
      else drafts.push(draft);
    }
  }
  return importDrafts(ctx, read, drafts, problems, options);
}
