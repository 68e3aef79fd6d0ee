/**
 * Reader for OHCHR "thematic list of recommendations" tables (one row per UPR recommendation, with
 * UHRI themes, affected persons, SDG goals and the state's position), as in
 * demo/slovenia_upr_thematic_recommendations_c2-c4.csv.
 */
import type { StateNameIndex } from '../states/index.ts';
import type { UprSession } from '../reference/index.ts';
import type { UprResponse } from '../recommendations/index.ts';
import {
  slug,
  themeFromLabel,
  unknownRecommendingState,
  type RecommendationRecord,
} from './recommendation-record.ts';

/**
 * The lists this reader knows are OHCHR's English ones, so the language is stated rather than
 * guessed (docs/importing.md#languages).
 */
const LIST_LANGUAGE = 'en';

export const OHCHR_THEMATIC_LIST_COLUMNS = [
  'cycle',
  'session',
  'state_under_review',
  'paragraph',
  'text',
  'recommending_states',
  'position',
  'source_of_position',
  'theme_heading',
  'themes',
  'affected_persons',
  'sdgs',
] as const;

export interface RowContext {
  readonly dataset: string;
  readonly names: StateNameIndex;
  readonly sessions: ReadonlyMap<number, UprSession>;
}

export type RowResult =
  { ok: true; record: RecommendationRecord; warnings: string[] } | { ok: false; reason: string };

/** True when the header row is a thematic list's. */
export function isOhchrThematicListHeader(headerLine: string): boolean {
  const columns = headerLine.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  return OHCHR_THEMATIC_LIST_COLUMNS.every((column) => columns.includes(column));
}

const POSITIONS: Record<string, UprResponse> = {
  supported: 'SUPPORTED',
  noted: 'NOTED',
  'partially supported': 'PARTIALLY_SUPPORTED',
};

const list = (text: string) =>
  text
    .split('|')
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * "A/HRC/28/15/Add.1 - Para. 3" or "A/HRC/28/15/Add.1, para. 3" -> "A/HRC/28/15": the Working
 * Group report the recommendation is in (the addendum holds the state's response to it).
 */
function reportSymbol(sourceOfPosition: string): string | null {
  return /^\s*(A\/HRC\/\d+\/\d+)(?:\/Add\.\d+)?\b/u.exec(sourceOfPosition)?.[1] ?? null;
}

/** Removes the "(Spain, Tunisia);" suffix that repeats the recommending states. */
function cleanText(text: string, recommending: string): string {
  const trimmed = text.trim();
  const suffix = /\s*\(([^()]*)\)\s*[;.]?\s*$/u.exec(trimmed);
  if (
    suffix &&
    recommending &&
    suffix[1]!.replace(/\s+/g, ' ').trim() === recommending.replace(/\s+/g, ' ').trim()
  ) {
    return trimmed.slice(0, suffix.index).trim();
  }
  return trimmed.replace(/;\s*$/u, '');
}

/**
 * One thematic-list row as a canonical record. The state under review must be known and the row
 * must have a paragraph, a text and a report symbol; unknown recommending states are kept.
 */
export function parseOhchrRow(row: Record<string, string>, context: RowContext): RowResult {
  const get = (column: (typeof OHCHR_THEMATIC_LIST_COLUMNS)[number]) => (row[column] ?? '').trim();
  const state = context.names.resolve(get('state_under_review'));
  if (!state)
    return {
      ok: false,
      reason: `unknown state under review ${JSON.stringify(get('state_under_review'))}`,
    };
  const paragraph = get('paragraph');
  const symbol = reportSymbol(get('source_of_position'));
  if (!paragraph || !get('text') || !symbol) {
    return { ok: false, reason: 'missing paragraph, text or report symbol (source_of_position)' };
  }
  const recommending = context.names.splitList(get('recommending_states'));
  const session = Number(get('session')) || null;
  const sessionInfo = session ? context.sessions.get(session) : undefined;
  const id = `${symbol}#${paragraph}`;
  return {
    ok: true,
    warnings: recommending.unknown.map(unknownRecommendingState),
    record: {
      id,
      mechanism: 'UPR',
      state,
      text: cleanText(get('text'), get('recommending_states')),
      language: LIST_LANGUAGE,
      date: null,
      year: sessionInfo?.year ?? null,
      documentSymbol: symbol,
      paragraph,
      cycle: Number(get('cycle')) || sessionInfo?.cycle || null,
      session,
      recommendingStates: recommending.iso3s,
      recommendingStatesUnmatched: recommending.unknown,
      response: POSITIONS[get('position').toLowerCase()] ?? null,
      themes: list(get('themes')).map(themeFromLabel),
      affectedGroups: list(get('affected_persons'))
        .filter((label) => label.toLowerCase() !== 'general')
        .map((label) => ({ code: slug(label), label })),
      sdgGoals: list(get('sdgs'))
        .map((goal) => /^(\d{1,2})\b/u.exec(goal)?.[1])
        .filter((goal): goal is string => goal !== undefined),
      sdgTargets: [],
      source: { dataset: context.dataset, id },
      otherSources: [],
    },
  };
}
