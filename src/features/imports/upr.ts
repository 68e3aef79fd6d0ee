/**
 * Readers for the two UPR sources that have no document symbols:
 * - `upr-info`: the UPR Info database export (To, To-Rgrp, To-Org, Text, From, From-Rgrp,
 *   From-Org, Response, Action, Issue, Session[, Cycle]): one row per recommending state, final
 *   responses Accepted/Noted, voluntary pledges among the rows;
 * - `upr-report`: recommendations parsed from UN UPR Working Group reports (text, to, decision,
 *   from, year[, notes, source_file]): the text keeps its paragraph number and ends with the
 *   recommending states in parentheses; the decision is the state's first position.
 *
 * Both derive the recommendation's id from state, cycle and wording (identity.ts, uprTextId), so
 * the same recommendation from both sources is one node whichever file is imported first.
 */
import type { MappedTheme, UprCycle, UprSession } from '../reference/index.ts';
import type { UprResponse } from '../recommendations/index.ts';
import type { StateNameIndex } from '../states/index.ts';
import { parseUprText, uprTextFingerprint, uprTextId } from './identity.ts';
import {
  slug,
  unknownRecommendingState,
  type RecommendationRecord,
  type ThemeRef,
  type WeakField,
} from './recommendation-record.ts';

/**
 * Both sources are English (UPR Info's database; the English edition of the Working Group
 * reports), so their language is stated rather than guessed: a guess errs on about 1% of such
 * texts, mostly short asks made of treaty acronyms (docs/importing.md#languages).
 */
const UPR_LANGUAGE = 'en';

export interface UprRowContext {
  readonly dataset: string;
  readonly names: StateNameIndex;
  readonly sessions: ReadonlyMap<number, UprSession>;
  readonly cycles: readonly UprCycle[];
  readonly uprInfoIssues: ReadonlyMap<string, MappedTheme>;
}

export type UprRowResult =
  { ok: true; record: RecommendationRecord; warnings: string[] } | { ok: false; reason: string };

const UPR_INFO_COLUMNS = ['to', 'text', 'from', 'response', 'issue', 'session'];
const UPR_REPORT_COLUMNS = ['text', 'to', 'decision', 'from', 'year'];

const headerColumns = (headerLine: string) =>
  headerLine.split(',').map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());

/** True when the header row is a UPR Info export's. */
export function isUprInfoHeader(headerLine: string): boolean {
  const columns = headerColumns(headerLine);
  return UPR_INFO_COLUMNS.every((c) => columns.includes(c)) && columns.includes('to-rgrp');
}

/** True when the header row is that of recommendations parsed from Working Group reports. */
export function isUprReportHeader(headerLine: string): boolean {
  const columns = headerColumns(headerLine);
  return UPR_REPORT_COLUMNS.every((c) => columns.includes(c)) && !columns.includes('to-rgrp');
}

/** "&#40;Unknown&#41;" -> "(Unknown)": numeric character references the UPR Info export keeps. */
const decodeEntities = (text: string) =>
  text.replace(/&#(\d{1,6});?/gu, (_, code: string) => String.fromCodePoint(Number(code)));

/** Column access that ignores the case of headers ("From" in one file, "from" in another). */
function columnsOf(row: Record<string, string>): (name: string) => string {
  const lower = new Map(Object.entries(row).map(([k, v]) => [k.trim().toLowerCase(), v]));
  return (name) => decodeEntities(lower.get(name) ?? '').trim();
}

/** UPR Info's responses onto the common vocabulary; "Voluntary Pledge" marks a pledge. */
function uprInfoResponse(text: string): UprResponse | 'PLEDGE' | undefined {
  const value = text.toLowerCase();
  if (value === 'accepted' || value === 'supported') return 'SUPPORTED';
  if (value === 'noted' || value === 'rejected') return 'NOTED';
  if (value.startsWith('partially')) return 'PARTIALLY_SUPPORTED';
  if (value === 'no response' || value === 'pending') return 'NO_RESPONSE';
  if (value === 'voluntary pledge') return 'PLEDGE';
  return undefined;
}

/**
 * A Working Group report's first decision: "consider" means the state deferred its answer (it
 * came later, in the addendum), so it gives no response; "implemented" is an accepted one the
 * state says it has already acted on.
 */
const REPORT_DECISIONS: Record<string, UprResponse | null> = {
  support: 'SUPPORTED',
  supported: 'SUPPORTED',
  implemented: 'SUPPORTED',
  implement: 'SUPPORTED',
  reject: 'NOTED',
  rejected: 'NOTED',
  noted: 'NOTED',
  consider: null,
  unknown: null,
};

/** UPR Info issues stay their own theme scheme, plus the UHRI theme where the mapping is clear. */
function uprInfoThemes(issues: string, map: ReadonlyMap<string, MappedTheme>): ThemeRef[] {
  const themes = new Map<string, ThemeRef>();
  for (const issue of issues.split(',').map((part) => part.trim())) {
    if (!issue) continue;
    themes.set(`UPR_INFO ${slug(issue)}`, { scheme: 'UPR_INFO', code: slug(issue), label: issue });
    const mapped = map.get(issue);
    if (mapped) themes.set(`${mapped.scheme} ${mapped.code}`, mapped);
  }
  return [...themes.values()];
}

/** The cycle a year falls in, when exactly one does. */
export function cycleOfYear(year: number, cycles: readonly UprCycle[]): number | null {
  const matching = cycles.filter((c) => year >= c.startYear && year <= c.endYear);
  return matching.length === 1 ? matching[0]!.cycle : null;
}

const UPR_INFO_WEAK: readonly WeakField[] = [
  'text',
  'language',
  'paragraph',
  'date',
  'documentSymbol',
];
const UPR_REPORT_WEAK: readonly WeakField[] = [
  'response',
  'session',
  'year',
  'date',
  'documentSymbol',
];

/** The addressed state is never guessed: an unknown name rejects the row. */
const unknownState = (name: string): UprRowResult => ({
  ok: false,
  reason: `unknown state under review ${JSON.stringify(name)}`,
});
const EMPTY_TEXT: UprRowResult = { ok: false, reason: 'empty text' };

/** One UPR Info row (a recommendation, or a voluntary pledge) as a canonical record. */
export function parseUprInfoRow(
  row: Record<string, string>,
  line: number,
  context: UprRowContext,
): UprRowResult {
  const get = columnsOf(row);
  const state = context.names.resolve(get('to'));
  if (!state) return unknownState(get('to'));
  const text = get('text');
  if (!text) return EMPTY_TEXT;
  const session = Number(get('session'));
  const sessionInfo = context.sessions.get(session);
  if (!Number.isInteger(session) || !sessionInfo) {
    return { ok: false, reason: `unknown UPR session ${JSON.stringify(get('session'))}` };
  }
  const cycle = Number(get('cycle')) || sessionInfo.cycle;
  const response = uprInfoResponse(get('response'));
  const warnings: string[] = [];
  if (response === undefined && get('response')) {
    warnings.push(`unknown response ${JSON.stringify(get('response'))} left empty`);
  }
  const pledge = response === 'PLEDGE';
  const recommending = pledge ? { iso3s: [], unknown: [] } : context.names.splitList(get('from'));
  warnings.push(...recommending.unknown.map(unknownRecommendingState));
  return {
    ok: true,
    warnings,
    record: {
      id: pledge
        ? `UPR-PLEDGE/${state}/c${cycle}#t${uprTextFingerprint(text)}`
        : uprTextId(state, cycle, text),
      mechanism: 'UPR',
      state,
      text,
      language: UPR_LANGUAGE,
      date: null,
      year: sessionInfo.year,
      documentSymbol: null,
      paragraph: null,
      cycle,
      session,
      recommendingStates: recommending.iso3s,
      recommendingStatesUnmatched: recommending.unknown,
      response: pledge || response === undefined ? null : response,
      themes: uprInfoThemes(get('issue'), context.uprInfoIssues),
      affectedGroups: [],
      sdgGoals: [],
      sdgTargets: [],
      source: {
        dataset: context.dataset,
        id: String(line),
        actionCategory: actionCategoryOf(get('action')),
      },
      otherSources: [],
      weak: UPR_INFO_WEAK,
      adoptByText: true,
      ...(pledge ? { kind: 'PLEDGE' as const } : {}),
    },
  };
}

/** UPR Info's action category (1-5); anything else (blank, "n/a") is not known. */
function actionCategoryOf(value: string): number | null {
  return /^[1-5]$/u.test(value.trim()) ? Number(value.trim()) : null;
}

/** One recommendation parsed from a Working Group report as a canonical record. */
export function parseUprReportRow(
  row: Record<string, string>,
  line: number,
  context: UprRowContext,
): UprRowResult {
  const get = columnsOf(row);
  const state = context.names.resolve(get('to'));
  if (!state) return unknownState(get('to'));
  const parsed = parseUprText(get('text'));
  if (!parsed.body) return EMPTY_TEXT;
  const year = Number(get('year'));
  const cycle = Number.isInteger(year) ? cycleOfYear(year, context.cycles) : null;
  if (cycle === null) {
    return {
      ok: false,
      reason: `cannot tell the UPR cycle from year ${JSON.stringify(get('year'))}`,
    };
  }
  const decision = get('decision').toLowerCase();
  const warnings: string[] = [];
  if (decision && !(decision in REPORT_DECISIONS)) {
    warnings.push(`unknown decision ${JSON.stringify(get('decision'))} left empty`);
  }
  // The parenthesised list is complete; the from column holds only the first state, at times
  // run together with the next ("Argentina Chile").
  const recommending = context.names.splitList(parsed.recommending ?? get('from'));
  warnings.push(...recommending.unknown.map(unknownRecommendingState));
  return {
    ok: true,
    warnings,
    record: {
      id: uprTextId(state, cycle, parsed.body),
      mechanism: 'UPR',
      state,
      text: parsed.body,
      language: UPR_LANGUAGE,
      date: null,
      year,
      documentSymbol: null,
      paragraph: parsed.paragraph,
      cycle,
      session: null,
      recommendingStates: recommending.iso3s,
      recommendingStatesUnmatched: recommending.unknown,
      response: REPORT_DECISIONS[decision] ?? null,
      themes: [],
      affectedGroups: [],
      sdgGoals: [],
      sdgTargets: [],
      source: {
        dataset: context.dataset,
        id: String(line),
        notes: get('notes').replace(/\s+/gu, ' ').trim() || null,
      },
      otherSources: [],
      weak: UPR_REPORT_WEAK,
      adoptByText: true,
    },
  };
}
