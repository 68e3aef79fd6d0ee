/**
 * Reader for exports of OHCHR's Universal Human Rights Index (UHRI), as JSON (an array of
 * annotation objects) or XLSX (one annotation per sheet row). Field names are those listed in
 * DOMAIN.md; both shapes are first read into one `UhriAnnotation`, then into canonical records.
 *
 * Multi-valued XLSX cells hold one value per line with a "- " prefix; JSON fields may be arrays or
 * such strings. Concerns/observations are not recommendations and are skipped, not rejected.
 */
import ExcelJS from 'exceljs';
import streamArray from 'stream-json/streamers/stream-array.js';
import type { UprSession } from '../reference/index.ts';
import type { UprResponse } from '../recommendations/index.ts';
import { nameKey, type StateNameIndex } from '../states/index.ts';
import { guessLanguage } from '../../core/language.ts';
import { deriveId } from './identity.ts';
import { trackedStream, type ReadPosition } from './readers.ts';
import {
  slug,
  themeFromLabel,
  unknownRecommendingState,
  type MechanismHint,
  type RecommendationRecord,
} from './recommendation-record.ts';

/** One UHRI annotation, whichever file it came from. */
export interface UhriAnnotation {
  readonly annotationId: string;
  readonly type: string;
  readonly symbol: string;
  readonly text: string;
  readonly body: string;
  readonly countries: string[];
  readonly themes: string[];
  readonly affectedPersons: string[];
  readonly sdgs: string[];
  /** ISO date (YYYY-MM-DD) or empty. */
  readonly publicationDate: string;
  readonly uprCycle: string;
  readonly uprSession: string;
  readonly uprPosition: string;
  readonly recommendingStates: string[];
}

export interface UhriContext {
  readonly dataset: string;
  readonly names: StateNameIndex;
  readonly sessions: ReadonlyMap<number, UprSession>;
  /** Mechanism code by the key of each of its names and of its code ("cedaw", "human rights committee"). */
  readonly mechanismsByName: ReadonlyMap<string, string>;
}

export type UhriRowResult =
  | { ok: true; record: RecommendationRecord; mechanism?: MechanismHint; warnings: string[] }
  | { ok: false; reason: string; skipped?: boolean };

/** "- Women\n- Children" or ["Women", "Children"] -> ["Women", "Children"]. */
export function multiValue(value: unknown): string[] {
  const parts = Array.isArray(value)
    ? value.map((v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : ''))
    : typeof value === 'string'
      ? value.split(/\r?\n/u)
      : [];
  return parts.map((part) => part.replace(/^\s*-\s+/u, '').trim()).filter(Boolean);
}

const scalar = (value: unknown): string =>
  typeof value === 'string'
    ? value.replace(/^\s*-\s+/u, '').trim()
    : typeof value === 'number'
      ? String(value)
      : Array.isArray(value)
        ? (multiValue(value)[0] ?? '')
        : '';

/** An Excel serial date (days since 1899-12-30), an ISO date or a Date, as YYYY-MM-DD. */
export function isoDate(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' && value > 0) {
    return new Date(Date.UTC(1899, 11, 30) + value * 86_400_000).toISOString().slice(0, 10);
  }
  if (typeof value === 'string') {
    const serial = /^\d{4,5}(?:\.\d+)?$/u.test(value.trim()) ? Number(value) : NaN;
    if (!Number.isNaN(serial)) return isoDate(serial);
    const iso = /^(\d{4}-\d{2}-\d{2})/u.exec(value.trim());
    if (iso) return iso[1]!;
    const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/u.exec(value.trim());
    if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  }
  return '';
}

/** An annotation object of the JSON export. */
export function annotationFromJson(json: Record<string, unknown>): UhriAnnotation {
  return {
    annotationId: scalar(json['AnnotationId']),
    type: scalar(json['AnnotationType']),
    symbol: scalar(json['Symbol']),
    text: typeof json['Text'] === 'string' ? json['Text'].trim() : '',
    body: scalar(json['Body']),
    countries: multiValue(json['Countries']),
    themes: multiValue(json['Themes']),
    affectedPersons: multiValue(json['AffectedPersons']),
    sdgs: multiValue(json['Sdgs']),
    publicationDate: isoDate(json['PublicationDate']),
    uprCycle: scalar(json['UprCycle']),
    uprSession: scalar(json['UprSession']),
    uprPosition: scalar(json['UprPositions']),
    recommendingStates: multiValue(json['UprRecommendingCountry']),
  };
}

/** The XLSX export's columns, spelled as OHCHR spells them ("Reccomending"). */
export const UHRI_XLSX_COLUMNS = {
  text: 'Text',
  countries: 'Countries Concerned',
  body: 'Reccomending Body',
  symbol: 'Document Symbol',
  themes: 'Themes',
  affectedPersons: 'Affected Persons',
  sdgs: 'Sdgs',
  publicationDate: 'Document Publication Date',
  recommendingStates: 'UPR Reccomending States',
  uprPosition: 'UPR Position',
  type: 'Type',
  annotationId: 'OHCHR Annotation Id',
  uprSession: 'UPR Session',
} as const;

/** A sheet row of the XLSX export, as column -> cell value. */
export function annotationFromXlsx(row: ReadonlyMap<string, unknown>): UhriAnnotation {
  const get = (column: keyof typeof UHRI_XLSX_COLUMNS) => row.get(UHRI_XLSX_COLUMNS[column]);
  return {
    annotationId: scalar(get('annotationId')),
    type: scalar(get('type')),
    symbol: scalar(get('symbol')),
    text: typeof get('text') === 'string' ? (get('text') as string).trim() : scalar(get('text')),
    body: scalar(get('body')),
    countries: multiValue(get('countries')),
    themes: multiValue(get('themes')),
    affectedPersons: multiValue(get('affectedPersons')),
    sdgs: multiValue(get('sdgs')),
    publicationDate: isoDate(get('publicationDate')),
    uprCycle: '',
    uprSession: scalar(get('uprSession')),
    uprPosition: scalar(get('uprPosition')),
    recommendingStates: multiValue(get('recommendingStates')),
  };
}

const POSITIONS: Record<string, UprResponse> = {
  supported: 'SUPPORTED',
  accepted: 'SUPPORTED',
  noted: 'NOTED',
  'partially supported': 'PARTIALLY_SUPPORTED',
};

/** A body UHRI names that the graph does not know yet: a code and kind guessed from its name. */
function newMechanism(body: string): { code: string; hint: MechanismHint } {
  const kind = /^(special rapporteur|working group|independent expert)/iu.test(body)
    ? 'SPECIAL_PROCEDURE'
    : /^committee|subcommittee/iu.test(body)
      ? 'TREATY_BODY'
      : 'OTHER';
  const initials = body
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 3 || /^[A-Z]/u.test(word))
    .map((word) => word[0]!.toUpperCase())
    .join('')
    .slice(0, 24);
  const prefix = kind === 'SPECIAL_PROCEDURE' ? 'SP-' : 'UHRI-';
  return { code: `${prefix}${initials || 'X'}`, hint: { kind, name: body } };
}

/**
 * A leading paragraph number in a treaty-body or UPR text: "24. (b) Ensure ..." -> "24(b)",
 * "115.3 Ratify ..." -> "115.3".
 */
export function leadingParagraph(text: string): string | null {
  const match = /^\s*(\d{1,3}(?:\.\d{1,3})*)\.?\s*(?:\(([a-z]{1,2})\))?\s+\S/u.exec(text);
  if (!match) return null;
  return match[2] ? `${match[1]}(${match[2]})` : match[1]!;
}

/**
 * The records of one annotation: one per country concerned (a UHRI annotation can address
 * several states; each gets its own recommendation, with the state in the id).
 */
export function parseAnnotation(a: UhriAnnotation, context: UhriContext): UhriRowResult[] {
  if (a.type && !/recommendation/iu.test(a.type)) {
    return [{ ok: false, skipped: true, reason: `not a recommendation (${a.type})` }];
  }
  if (!a.text) return [{ ok: false, reason: 'empty text' }];
  // Composed (NFC), as the full-text analyzers need: an "É" written as E and U+0301 would not
  // match "éliminer" (docs/importing.md#languages).
  const text = a.text.normalize('NFC');
  if (!a.symbol) return [{ ok: false, reason: 'missing document symbol' }];
  if (!a.countries.length) return [{ ok: false, reason: 'no country concerned' }];
  const states: string[] = [];
  for (const country of a.countries) {
    const iso3 = context.names.resolve(country);
    if (!iso3) return [{ ok: false, reason: `unknown state ${JSON.stringify(country)}` }];
    if (!states.includes(iso3)) states.push(iso3);
  }
  let mechanism = context.mechanismsByName.get(nameKey(a.body));
  let hint: MechanismHint | undefined;
  if (!mechanism) {
    if (!a.body) return [{ ok: false, reason: 'missing body' }];
    const created = newMechanism(a.body);
    mechanism = created.code;
    hint = created.hint;
  }
  const recommending = context.names.splitList(a.recommendingStates.join(', '));
  const session = Number(a.uprSession) || null;
  const cycle =
    Number(a.uprCycle) || (session ? context.sessions.get(session)?.cycle : null) || null;
  const paragraph = leadingParagraph(text);
  const date = a.publicationDate || null;
  const base = deriveId({
    mechanism,
    state: states[0]!,
    documentSymbol: a.symbol,
    paragraph,
    cycle,
    session,
    text,
  });
  const themes = a.themes.map(themeFromLabel);
  const sdgTargets = a.sdgs
    .map((s) => /^(?:target\s+)?(\d{1,2}\.[0-9a-z]{1,2})\b/iu.exec(s)?.[1])
    .filter((s): s is string => s !== undefined);
  const sdgGoals = a.sdgs
    .map((s) => /^(?:goal\s+|sdg\s*)?(\d{1,2})(?![.\d])/iu.exec(s)?.[1])
    .filter((s): s is string => s !== undefined);
  // None of the export's fields (above) states the text's language: it is guessed from the text
  // (docs/importing.md#languages).
  const language = guessLanguage(text);
  return states.map((state) => ({
    ok: true,
    ...(hint ? { mechanism: hint } : {}),
    warnings: recommending.unknown.map(unknownRecommendingState),
    record: {
      id: states.length > 1 ? `${base}@${state}` : base,
      mechanism,
      state,
      text,
      language,
      date,
      year: date ? Number(date.slice(0, 4)) : null,
      documentSymbol: a.symbol,
      paragraph,
      cycle,
      session,
      recommendingStates: recommending.iso3s,
      recommendingStatesUnmatched: recommending.unknown,
      response: POSITIONS[a.uprPosition.toLowerCase()] ?? null,
      themes,
      affectedGroups: a.affectedPersons
        .filter((label) => label.toLowerCase() !== 'general')
        .map((label) => ({ code: slug(label), label })),
      sdgGoals: [...new Set(sdgGoals)],
      sdgTargets: [...new Set(sdgTargets)],
      source: {
        dataset: 'uhri',
        id: a.annotationId
          ? states.length > 1
            ? `${a.annotationId}@${state}`
            : a.annotationId
          : base,
      },
      otherSources: [],
    },
  }));
}

/** The annotations of a JSON export (a top-level array), streamed; `line` is the record's number. */
export async function* readUhriJson(
  file: string,
  position: ReadPosition,
): AsyncGenerator<{ line: number; value: UhriAnnotation } | { line: number; reason: string }> {
  const items = trackedStream(file, position).pipe(
    streamArray.withParserAsStream(),
  ) as AsyncIterable<{
    key: number;
    value: unknown;
  }>;
  try {
    for await (const { key, value } of items) {
      yield value && typeof value === 'object' && !Array.isArray(value)
        ? { line: key + 1, value: annotationFromJson(value as Record<string, unknown>) }
        : { line: key + 1, reason: 'not a JSON object' };
    }
  } catch (error) {
    yield { line: 0, reason: `not a JSON array of annotations (${(error as Error).message})` };
  }
}

/** The annotations of an XLSX export's first sheet, streamed; `line` is the sheet row. */
export async function* readUhriXlsx(
  file: string,
  position: ReadPosition,
): AsyncGenerator<{ line: number; value: UhriAnnotation } | { line: number; reason: string }> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(trackedStream(file, position), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  for await (const sheet of workbook) {
    let header: string[] | undefined;
    for await (const row of sheet) {
      const values = (row.values as unknown[]).slice(1).map(cellValue);
      if (!header) {
        header = values.map((v) => (typeof v === 'string' ? v.trim() : ''));
        continue;
      }
      if (values.every((v) => v === null || v === '')) continue;
      yield {
        line: row.number,
        value: annotationFromXlsx(new Map(header.map((name, i) => [name, values[i] ?? null]))),
      };
    }
    break; // the export has one sheet
  }
}

/** A cell as a plain value: rich text joined, formulas as their result. */
function cellValue(value: unknown): unknown {
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: string };
    if (v.richText) return v.richText.map((part) => part.text).join('');
    if ('result' in v) return v.result;
    if (typeof v.text === 'string') return v.text;
  }
  return value ?? null;
}

/** True when the start of a JSON file looks like a UHRI export. */
export const isUhriJson = (start: string) => /^\s*\[/u.test(start) && /"AnnotationId"/u.test(start);
