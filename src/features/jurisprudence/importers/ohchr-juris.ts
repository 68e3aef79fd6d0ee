/**
 * `recgraph import --format ohchr-juris`: treaty-body decisions from the OHCHR jurisprudence
 * database scrape (../shared/data/ohchr-juris-decisions: the XML as scraped, or decisions.csv made
 * from it; the XML is preferred). docs/jurisprudence.md, "Decisions and treaty articles".
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { DbContext } from '../../../graphql/context.ts';
import {
  importDrafts,
  type DecisionDraft,
  type DecisionImportOptions,
  type DecisionImportResult,
  type DecisionProblem,
} from '../decision-import.ts';

/** The fields of one decision, named as decisions.csv names them. */
export interface OhchrItem {
  readonly file: string;
  /** CSV line, or the item's position in the XML. */
  readonly line: number;
  /** The item's position in the scrape (the CSV's item_no), the same in both layouts. */
  readonly itemNo: string;
  readonly symbol: string;
  readonly committee: string;
  readonly countries: readonly string[];
  readonly articles: readonly string[];
  readonly issues: readonly string[];
  readonly type: string;
  readonly submissionDate: string | null;
  readonly adoptionDate: string | null;
  readonly admissionDate: string | null;
  readonly session: string;
  readonly communicationNumbers: readonly string[];
  readonly author: string;
  readonly victim: string;
  readonly displayName: string;
  readonly url: string | null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `14 Jun 2010` or `2010-06-14` as an ISO date; undefined when unreadable, null when empty. */
export function ohchrDate(text: string): string | null | undefined {
  const t = text.trim();
  if (!t) return null;
  if (/^\d{4}-\d{2}-\d{2}$/u.test(t)) return t;
  const m = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})$/u.exec(t);
  const month = m ? MONTHS.indexOf(m[2]!.toLowerCase()) : -1;
  if (!m || month < 0) return undefined;
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

const decodeXml = (text: string) =>
  text
    .replace(/&#x([0-9a-f]+);/giu, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/gu, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&amp;/gu, '&');

/** The scrape's XML is flat: `<items><item><Tag>text</Tag><Tag><value>…</value></Tag>…</item>`. */
function readXmlItems(file: string, text: string): { items: Record<string, string[]>[] } {
  const items: Record<string, string[]>[] = [];
  for (const [, body] of text.matchAll(/<item>([\s\S]*?)<\/item>/gu)) {
    const fields: Record<string, string[]> = {};
    for (const [, tag, inner] of (body ?? '').matchAll(
      /<([A-Za-z_]+)(?:\s*\/>|>([\s\S]*?)<\/\1>)/gu,
    )) {
      const content = inner ?? '';
      const values = content.includes('<value>')
        ? [...content.matchAll(/<value>([\s\S]*?)<\/value>/gu)].map((v) => v[1] ?? '')
        : [content];
      fields[tag!] = values.map((v) => decodeXml(v).trim()).filter(Boolean);
    }
    items.push(fields);
  }
  if (!items.length && !/<items\s*\/?>/u.test(text)) {
    throw new Error(`${file}: no <items> element`);
  }
  return { items };
}

const list = (value: string | undefined, separator: RegExp) =>
  (value ?? '')
    .split(separator)
    .map((v) => v.trim())
    .filter(Boolean);

type Read = { items: OhchrItem[]; problems: DecisionProblem[] };

function fromXml(file: string, text: string): Read {
  const problems: DecisionProblem[] = [];
  const items: OhchrItem[] = [];
  readXmlItems(file, text).items.forEach((f, index) => {
    const line = index + 1;
    const one = (tag: string) => (f[tag] ?? []).join(' ').trim();
    const dates: Record<string, string | null> = {};
    for (const [key, tag] of [
      ['submissionDate', 'Submission_date'],
      ['adoptionDate', 'Date_of_adoption_of_the_Views'],
      ['admissionDate', 'Admission_date'],
    ] as const) {
      const parsed = ohchrDate(one(tag));
      if (parsed === undefined) {
        problems.push({ file, line, reason: `${tag} ${JSON.stringify(one(tag))} is not a date` });
      }
      dates[key] = parsed ?? null;
    }
    items.push({
      file,
      line,
      itemNo: String(line),
      symbol: one('Id_string'),
      committee: one('Committee'),
      countries: f['Countries'] ?? [],
      articles: f['Articles'] ?? [],
      issues: f['Issues'] ?? [],
      type: one('Type_of_decision'),
      submissionDate: dates['submissionDate'] ?? null,
      adoptionDate: dates['adoptionDate'] ?? null,
      admissionDate: dates['admissionDate'] ?? null,
      session: one('Session_No'),
      communicationNumbers: list(one('Communication_numbers'), /,/u),
      author: one('Author'),
      victim: one('Victim'),
      displayName: one('Display_name'),
      url: f['file_urls']?.[0] ?? null,
    });
  });
  return { items, problems };
}

const CSV_COLUMNS = ['symbol', 'committee', 'countries', 'articles', 'type_of_decision'];

function fromCsv(file: string, text: string): Read {
  let header: string[] = [];
  const parsed = parse(text, {
    columns: (names: string[]) => (header = names),
    bom: true,
    skip_empty_lines: true,
    info: true,
  }) as unknown as { record: Record<string, string>; info: { lines: number } }[];
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) {
    return {
      items: [],
      problems: [
        { file, line: 1, reason: `missing columns ${missing.join(', ')} (decisions.csv)` },
      ],
    };
  }
  const problems: DecisionProblem[] = [];
  const items = parsed.map(({ record: r, info }): OhchrItem => {
    const line = info.lines;
    const date = (column: string) => {
      const d = ohchrDate(r[column] ?? '');
      if (d === undefined) problems.push({ file, line, reason: `${column} is not a date` });
      return d ?? null;
    };
    return {
      file,
      line,
      itemNo: (r['item_no'] ?? '').trim() || `line ${line}`,
      symbol: (r['symbol'] ?? '').trim(),
      committee: (r['committee'] ?? '').trim(),
      countries: list(r['countries'], /\|/u),
      articles: list(r['articles'], /\|/u),
      issues: list(r['issues'], /\|/u),
      type: (r['type_of_decision'] ?? '').trim(),
      submissionDate: date('submission_date'),
      adoptionDate: date('adoption_date'),
      admissionDate: date('admission_date'),
      session: (r['session'] ?? '').trim(),
      communicationNumbers: list(r['communication_numbers'], /\|/u),
      author: (r['author'] ?? '').trim(),
      victim: (r['victim'] ?? '').trim(),
      displayName: (r['display_name'] ?? '').trim(),
      url: r['pdf_url']?.trim() || null,
    };
  });
  return { items, problems };
}

/** Reads a file of either layout (XML by its first tag, else CSV). */
export function readOhchrFile(file: string): Read {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return {
      items: [],
      problems: [{ file, line: 0, reason: `cannot read the file: ${String(error)}` }],
    };
  }
  try {
    return /^\s*(<\?xml|<items)/u.test(text.replace(/^\uFEFF/u, ''))
      ? fromXml(file, text)
      : fromCsv(file, text);
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    const reason = error instanceof Error ? error.message : String(error);
    return { items: [], problems: [{ file, line, reason: `not readable: ${reason}` }] };
  }
}

/** Kind and outcome of the OHCHR "Type of decision". Views do not say what was found. */
const TYPES: Record<string, { kind: string; outcome: string | null }> = {
  'adoption of views': { kind: 'VIEWS', outcome: null },
  // CERD calls its views under article 14 "opinions".
  opinion: { kind: 'VIEWS', outcome: null },
  'inadmissibility decision': { kind: 'INADMISSIBILITY', outcome: 'INADMISSIBLE' },
  'admissibility decision': { kind: 'ADMISSIBILITY', outcome: 'ADMISSIBLE' },
  'revised decision on admissibility': { kind: 'ADMISSIBILITY', outcome: null },
};

/** `042/2008` and `42/2008` are one communication. */
const communicationKey = (n: string) => n.replace(/^0+(?=\d)/u, '').trim();

/** The `{no}/{year}` of a `…/D/{no}/{year}` symbol. */
const symbolCommunication = (symbol: string) => /\/D\/(\d+\/\d{4})$/u.exec(symbol)?.[1] ?? null;

const isSkeleton = (item: OhchrItem) =>
  !item.submissionDate && !item.adoptionDate && !item.admissionDate && !item.author;

/**
 * Decision ids: the symbol. Items sharing a symbol are one decision when they share a
 * communication (or one is a skeleton); items for other communications under the same symbol
 * (`CERD/C/390`, a compilation; symbols reused by mistake) get `{symbol}#{communication}`,
 * except the one whose communication the symbol names.
 */
export function ohchrIds(items: readonly OhchrItem[]): string[] {
  const bySymbol = new Map<string, number[]>();
  items.forEach((item, i) => {
    bySymbol.set(item.symbol, [...(bySymbol.get(item.symbol) ?? []), i]);
  });
  const ids = items.map((item) => item.symbol);
  for (const [symbol, indexes] of bySymbol) {
    if (indexes.length < 2) continue;
    const named = symbolCommunication(symbol);
    const full = indexes.filter((i) => !isSkeleton(items[i]!));
    const comms = new Set(
      full.map((i) => communicationKey(items[i]!.communicationNumbers[0] ?? '')).filter(Boolean),
    );
    if (comms.size < 2) continue;
    for (const i of full) {
      const comm = communicationKey(items[i]!.communicationNumbers[0] ?? '');
      if (comm && comm !== named) ids[i] = `${symbol}#${comm}`;
    }
  }
  return ids;
}

const joinName = (item: OhchrItem) => {
  const who = item.displayName || item.author || item.victim;
  return who ? `${who} v. ${item.countries.join(', ') || '?'}` : null;
};

/** One item as a draft decision (states and articles are checked later). */
function toDraft(item: OhchrItem, id: string, dataset: string): DecisionDraft {
  const warnings: string[] = [];
  const type = TYPES[item.type.toLowerCase()];
  if (!type) {
    warnings.push(
      item.type ? `unknown type of decision ${JSON.stringify(item.type)}` : 'no type of decision',
    );
  }
  const date = item.adoptionDate ?? item.admissionDate;
  if (date && item.submissionDate && date < item.submissionDate) {
    warnings.push(`decided (${date}) before submitted (${item.submissionDate})`);
  }
  if (date && date > '2016-05-07') warnings.push(`dated ${date}, after the scrape (2016-05-07)`);
  const named = symbolCommunication(item.symbol);
  if (
    named &&
    item.communicationNumbers.length &&
    !item.communicationNumbers.map(communicationKey).includes(named)
  ) {
    warnings.push(
      `the symbol names communication ${named}, the item ${item.communicationNumbers.join(', ')}`,
    );
  }
  return {
    file: item.file,
    line: item.line,
    id,
    symbol: item.symbol,
    body: item.committee.toUpperCase(),
    kind: type?.kind ?? null,
    outcome: type?.outcome ?? null,
    date,
    communicationNumbers: item.communicationNumbers,
    applicationNumbers: [],
    title: joinName(item),
    session: item.session || null,
    issues: item.issues,
    states: item.countries,
    respondentsKnown: item.countries.length < 2,
    articles: item.articles.map((code) => ({ code, violated: null })),
    url: item.url,
    dataset,
    sourceId: `item ${item.itemNo}`,
    skeleton: isSkeleton(item),
    warnings,
  };
}

/**
 * Imports treaty-body decisions from the OHCHR jurisprudence scrape (XML or decisions.csv).
 * Every item is checked first; items that cannot be imported (no symbol, unknown committee or
 * state) are rejected with file:line (the XML: item position) and closest matches; the rest are
 * merged per decision and written in batches, only where they changed.
 * @example await importOhchrJuris(ctx, ['decisions-2016-05-07.xml'], { dryRun: true })
 */
export async function importOhchrJuris(
  ctx: DbContext,
  files: readonly string[],
  options: DecisionImportOptions = {},
): Promise<DecisionImportResult> {
  const problems: DecisionProblem[] = [];
  const drafts: DecisionDraft[] = [];
  let read = 0;
  for (const file of files) {
    const { items, problems: fileProblems } = readOhchrFile(file);
    read += items.length;
    const bad = new Set(fileProblems.map((p) => p.line));
    problems.push(...fileProblems);
    const usable = items.filter((item) => {
      if (bad.has(item.line)) return false;
      if (!item.symbol) problems.push({ file, line: item.line, reason: 'no symbol' });
      return Boolean(item.symbol);
    });
    const ids = ohchrIds(usable);
    usable.forEach((item, i) => drafts.push(toDraft(item, ids[i]!, 'ohchr-juris-2016-05-07')));
  }
  return importDrafts(ctx, read, drafts, problems, options);
}
