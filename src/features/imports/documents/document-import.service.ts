/**
 * Imports documents (concluding observations, Working Group reports, country reports) as
 * paragraph units: recommendations become Recommendation nodes with their context; concerns,
 * chapeaux and narrative become DocumentParagraph nodes of the document. Every document is
 * checked before anything is written, and each is written in one transaction, so a bad one
 * leaves nothing half-way. Re-importing the same document writes nothing; a corrected version
 * updates the paragraphs that changed and reports them. See docs/importing.md#documents.
 */
import { createHash } from 'node:crypto';
import { closestMatches } from '../../../core/closest-matches.ts';
import { InvalidInputError } from '../../../core/errors.ts';
import { cypher } from '../../../db/cypher.ts';
import type { Tx } from '../../../db/run.ts';
import type { DbContext } from '../../../graphql/context.ts';
import { nameKey, stateNameIndex, type StateNameIndex } from '../../states/index.ts';
import { parseUprText, textKey } from '../identity.ts';
import { findMechanismNames, writeBatch, type HashedRecord } from '../import.repository.ts';
import { contentHash } from '../import.service.ts';
import {
  unknownRecommendingState,
  type RecommendationRecord,
  type ThemeRef,
} from '../recommendation-record.ts';
import { classifyDocument, type ClassifiedUnit, type UnitKind } from './classify.ts';
import {
  CHAPEAU_RESPONSES,
  DOCUMENT_LANGUAGES,
  foldForPhrases,
  type DocumentLanguage,
} from './phrases.ts';
import { symbolFits } from './symbols.ts';

export interface DocumentMeta {
  readonly mechanism: string;
  /** ISO3 code or a name of the state. */
  readonly state: string;
  readonly symbol: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  readonly date: string | null;
  readonly language: string;
  readonly title?: string | null;
  /** The review's ordinal or the UPR cycle. */
  readonly cycle?: number | null;
  /** What the document is: CONCLUDING_OBSERVATIONS, UPR_WORKING_GROUP_REPORT, COUNTRY_REPORT… */
  readonly kind?: string | null;
  /**
   * The part of a document that covers several states or reviews (a chapter of the General
   * Assembly's annual report, A/45/40): stored as its own Document, `A/45/40 [ARG CCPR 1]`,
   * PART_OF the whole. Its ids start with that key too (`A/57/38 [URY CEDAW 2]#203`), since
   * the paragraph numbers of such reports restart in each of their parts.
   */
  readonly part?: string | null;
  /** The symbol was made up because the source gives none (`CLADEM/URY/CERD/1`): not checked. */
  readonly syntheticSymbol?: boolean;
}

/** The key of a document's own node: its symbol, or its symbol and part. */
export const documentKey = (meta: Pick<DocumentMeta, 'symbol' | 'part'>) =>
  meta.part ? `${meta.symbol} [${meta.part}]` : meta.symbol;

export interface DocumentSource {
  readonly dataset: string;
  readonly licence?: string | null;
  readonly attribution?: string | null;
  readonly url?: string | null;
  /** Whether the source marks recommendations in bold (CLADEM): kept as provenance. */
  readonly highlights?: boolean;
}

export interface DocumentInput {
  /** How messages name it: a file, or a file and section. */
  readonly name: string;
  readonly lines: readonly string[];
  readonly meta: DocumentMeta;
  readonly source: DocumentSource;
  /** Themes by paragraph label (a paragraph's themes apply to its sub-items too). */
  readonly themes?: ReadonlyMap<string, readonly ThemeRef[]>;
  /** Problems the reader found and worked around (a shifted footnote, a missing symbol). */
  readonly warnings?: readonly string[];
  /** A document with no numbered paragraph is kept (a compiler's section it left empty). */
  readonly allowEmpty?: boolean;
}

export interface DocumentResult {
  readonly name: string;
  readonly symbol: string;
  readonly units: number;
  readonly byKind: Record<UnitKind, number>;
  created: number;
  updated: number;
  unchanged: number;
  /** Recommendations another source had brought already, which this document joined. */
  joined: number;
  /** Paragraph labels whose recommendation changed since the last import of the document. */
  readonly changedParagraphs: string[];
  /** Recommendations of an earlier version that this one no longer has (kept in the graph). */
  readonly missingParagraphs: string[];
  readonly warnings: string[];
}

export interface DocumentImportSummary {
  readonly documents: DocumentResult[];
  readonly units: number;
  readonly recommendations: number;
  created: number;
  updated: number;
  unchanged: number;
  joined: number;
  written: boolean;
  seconds: number;
}

export interface DocumentImportOptions {
  readonly dryRun?: boolean;
  readonly onDocument?: (result: DocumentResult, index: number, total: number) => void;
}

interface Prepared {
  readonly input: DocumentInput;
  readonly meta: Required<Omit<DocumentMeta, 'language'>> & { language: DocumentLanguage };
  readonly units: ClassifiedUnit[];
  readonly records: HashedRecord[];
  readonly paragraphs: ParagraphRow[];
  readonly contentHash: string;
  /** The key of the document's own node (documentKey). */
  readonly key: string;
  /** Each unit's place in the document, by its label as stored (`12~2` for a repeat). */
  readonly positions: ReadonlyMap<string, number>;
  readonly result: DocumentResult;
}

interface ParagraphRow {
  readonly id: string;
  readonly label: string;
  readonly parent: string | null;
  readonly kind: UnitKind;
  readonly text: string;
  readonly highlighted: boolean | null;
  readonly line: number;
  readonly position: number;
  readonly headings: readonly string[];
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u;

const didYouMean = (found: readonly string[]) =>
  found.length ? `; closest: ${found.join(', ')}` : '';

interface Lookups {
  readonly names: StateNameIndex;
  readonly states: readonly { iso3: string; name: string }[];
  readonly mechanisms: readonly { code: string; name: string | null }[];
}

async function lookups(ctx: DbContext): Promise<Lookups> {
  return {
    names: await stateNameIndex(ctx),
    states: await ctx.db.read<{ iso3: string; name: string }>(cypher('imports/find-state-codes')),
    mechanisms: await findMechanismNames(ctx),
  };
}

/** Checks a document's description. @returns the problems, in words a user can act on */
function checkMeta(
  meta: DocumentMeta,
  look: Lookups,
): { problems: string[]; state: string | null; mechanism: string | null } {
  const problems: string[] = [];
  const mechanism =
    look.mechanisms.find((m) => m.code === meta.mechanism)?.code ??
    look.mechanisms.find(
      (m) =>
        nameKey(m.code) === nameKey(meta.mechanism) ||
        (m.name && nameKey(m.name) === nameKey(meta.mechanism)),
    )?.code ??
    null;
  if (!meta.mechanism) problems.push('no mechanism given (--mechanism, e.g. CEDAW)');
  else if (!mechanism)
    problems.push(
      `unknown mechanism ${JSON.stringify(meta.mechanism)}${didYouMean(
        closestMatches(meta.mechanism, look.mechanisms, (m) => [m.code, m.name ?? '']).map(
          (m) => m.code,
        ),
      )}`,
    );
  const state = meta.state ? (look.names.resolve(meta.state) ?? null) : null;
  if (!meta.state) problems.push('no state given (--state, an ISO3 code such as ARG)');
  else if (!state)
    problems.push(
      `unknown state ${JSON.stringify(meta.state)}${didYouMean(
        closestMatches(meta.state, look.states, (s) => [s.iso3, s.name]).map((s) =>
          meta.state.length <= 3 ? s.iso3 : s.name,
        ),
      )}`,
    );
  if (!meta.symbol) problems.push('no document symbol given (--symbol, e.g. CEDAW/C/ARG/CO/7)');
  else if (mechanism && !meta.syntheticSymbol && !symbolFits(mechanism, meta.symbol))
    problems.push(`symbol ${meta.symbol} does not fit mechanism ${mechanism}`);
  if (meta.date !== null && !validDate(meta.date))
    problems.push(`date ${JSON.stringify(meta.date)} is not YYYY-MM-DD, YYYY-MM or YYYY`);
  if (!DOCUMENT_LANGUAGES.includes(meta.language as DocumentLanguage))
    problems.push(
      `language ${JSON.stringify(meta.language)} is not one of ${DOCUMENT_LANGUAGES.join(', ')}`,
    );
  return { problems, state, mechanism };
}

function validDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1)];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const emptyKinds = (): Record<UnitKind, number> => ({
  RECOMMENDATION: 0,
  CONCERN: 0,
  CHAPEAU: 0,
  QUOTATION: 0,
  NARRATIVE: 0,
});

/**
 * The parenthesised groups that end a UPR recommendation, in order (its recommending states),
 * and the text before them.
 */
function trailingGroups(text: string): { groups: string[]; body: string } {
  const groups: string[] = [];
  let body = text;
  for (let parsed = parseUprText(body); parsed.recommending; parsed = parseUprText(body)) {
    groups.unshift(parsed.recommending);
    body = parsed.body;
  }
  return { groups, body };
}

/** "Chile y Perú", "Bosnia y Herzegovina": one state, or several joined by a conjunction. */
function resolveNames(part: string, names: StateNameIndex): string[] | null {
  const whole = names.resolve(part);
  if (whole) return [whole];
  const pieces = part.split(/\s+(?:y|e|et|and)\s+/u).map((name) => names.resolve(name));
  return pieces.length > 1 && pieces.every(Boolean) ? (pieces as string[]) : null;
}

/**
 * The recommending states of a UPR recommendation: every group in parentheses at its end
 * ("(France) (Lithuania);", "(Reino Unido, México);"), and groups inside it that end one of
 * several asks merged into one paragraph ("… (Chile); ratify … (Nepal);") when they name states.
 * @returns ISO3 codes, and the parts of the final groups that name no state (kept as written)
 */
export function recommendingStatesOf(
  text: string,
  names: StateNameIndex,
): { iso3s: string[]; unknown: string[] } {
  const iso3s: string[] = [];
  const unknown: string[] = [];
  const { groups: trailing, body } = trailingGroups(text);
  for (const m of body.matchAll(/\(((?:[^()]|\([^()]*\))*)\)\s*;/gu)) {
    const parts = names.splitList(m[1]!);
    const extra = parts.unknown.map((part) => resolveNames(part, names));
    if (parts.iso3s.length + parts.unknown.length > 0 && extra.every(Boolean))
      iso3s.push(...parts.iso3s, ...extra.flat().filter((x): x is string => x !== null));
  }
  for (const group of trailing) {
    const split = names.splitList(group);
    iso3s.push(...split.iso3s);
    for (const part of split.unknown) {
      const resolved = resolveNames(part, names);
      if (resolved) iso3s.push(...resolved);
      else unknown.push(part);
    }
  }
  return { iso3s: [...new Set(iso3s)], unknown };
}

/** The response a UPR chapeau states for the items under it. */
function chapeauResponse(chapeau: string | null, language: DocumentLanguage) {
  if (!chapeau) return null;
  const folded = foldForPhrases(chapeau);
  return (
    CHAPEAU_RESPONSES[language].find(({ pattern }) => new RegExp(pattern, 'u').test(folded))
      ?.response ?? null
  );
}

/** A document turned into records, or the problems that stop it. */
function prepare(
  input: DocumentInput,
  look: Lookups,
): { ok: true; prepared: Prepared } | { ok: false; problems: string[] } {
  const checked = checkMeta(input.meta, look);
  if (checked.problems.length) return { ok: false, problems: checked.problems };
  const language = input.meta.language as DocumentLanguage;
  const { units } = classifyDocument(input.lines, language);
  if (!units.length && !input.allowEmpty)
    return {
      ok: false,
      problems: [
        'no recognisable paragraphs: expected numbered paragraphs ("11.", "107.14") or sub-items ("(a)") at the start of blocks',
      ],
    };
  const date = input.meta.date;
  const meta = {
    mechanism: checked.mechanism!,
    state: checked.state!,
    symbol: input.meta.symbol,
    date,
    language,
    title: input.meta.title ?? null,
    cycle: input.meta.cycle ?? null,
    kind: input.meta.kind ?? null,
    part: input.meta.part ?? null,
    syntheticSymbol: input.meta.syntheticSymbol ?? false,
  };
  const key = documentKey(meta);
  const warnings = [...(input.warnings ?? [])];
  const year = date ? Number(date.slice(0, 4)) : null;
  const fullDate = date && date.length === 10 ? date : null;
  const source = input.source;

  // Repeated labels (a source's typo) are kept apart: "12", then "12~2".
  const seen = new Map<string, number>();
  const labelled = units.map((unit) => {
    const n = (seen.get(unit.label) ?? 0) + 1;
    seen.set(unit.label, n);
    if (n > 1)
      warnings.push(
        `paragraph ${unit.label} appears again at line ${unit.line}; kept as ${unit.label}~${n}`,
      );
    return { unit, label: n > 1 ? `${unit.label}~${n}` : unit.label };
  });
  const finalLabel = labelled.map((l) => l.label);
  const idOf = (label: string) => `${key}#${label}`;
  const ownIdOf = idOf;
  const themesOf = (unit: ClassifiedUnit) => [
    ...(input.themes?.get(unit.label) ?? []),
    ...(unit.parent ? (input.themes?.get(unit.parent) ?? []) : []),
  ];

  const byKind = emptyKinds();
  const records: HashedRecord[] = [];
  const paragraphs: ParagraphRow[] = [];
  for (const [position, { unit, label }] of labelled.entries()) {
    byKind[unit.kind]++;
    if (unit.kind !== 'RECOMMENDATION') {
      paragraphs.push({
        id: ownIdOf(label),
        label,
        parent: unit.parentIndex === null ? null : finalLabel[unit.parentIndex]!,
        kind: unit.kind,
        text: unit.text,
        highlighted: source.highlights ? unit.highlighted : null,
        line: unit.line,
        position,
        headings: unit.headings,
      });
      continue;
    }
    const recommendingStates: string[] = [];
    const recommendingStatesUnmatched: string[] = [];
    if (meta.mechanism === 'UPR') {
      const states = recommendingStatesOf(unit.text, look.names);
      recommendingStates.push(...states.iso3s);
      recommendingStatesUnmatched.push(...states.unknown);
      for (const name of states.unknown)
        warnings.push(`${label}: ${unknownRecommendingState(name)}`);
    }
    const uprResponse = meta.mechanism === 'UPR' ? chapeauResponse(unit.chapeau, language) : null;
    const record: RecommendationRecord = {
      id: idOf(label),
      mechanism: meta.mechanism,
      state: meta.state,
      text: unit.text,
      language,
      date: fullDate,
      year,
      documentSymbol: meta.symbol,
      paragraph: label,
      cycle: meta.cycle,
      session: null,
      recommendingStates,
      recommendingStatesUnmatched,
      response: uprResponse,
      themes: themesOf(unit),
      affectedGroups: [],
      sdgGoals: [],
      sdgTargets: [],
      source: { dataset: source.dataset, id: ownIdOf(label) },
      otherSources: [],
      // What the document does not say leaves what another source said of the same id alone.
      weak: (['date', 'year', 'session', 'response'] as const).filter(
        (field) => ({ date: fullDate, year, session: null, response: uprResponse })[field] === null,
      ),
      context: {
        chapeau: unit.chapeau,
        concern: unit.concern,
        concernParagraphs: unit.concernIndexes.map((i) => finalLabel[i]!),
        preamble: unit.preamble,
        highlighted: source.highlights ? unit.highlighted : null,
        headings: unit.headings,
      },
    };
    records.push({ ...record, contentHash: contentHash(record), textKey: textKey(record) });
  }
  const hash = createHash('sha256')
    .update(
      JSON.stringify([
        meta,
        source,
        records.map((r) => r.contentHash),
        paragraphs.map((p) => [p.id, p.kind, p.text, p.highlighted, p.headings, p.parent]),
      ]),
    )
    .digest('base64url');
  return {
    ok: true,
    prepared: {
      input,
      meta,
      units,
      records,
      paragraphs,
      contentHash: hash,
      key,
      positions: new Map(finalLabel.map((label, index) => [label, index])),
      result: {
        name: input.name,
        symbol: key,
        units: units.length,
        byKind,
        created: 0,
        updated: 0,
        unchanged: 0,
        joined: 0,
        changedParagraphs: [],
        missingParagraphs: [],
        warnings,
      },
    },
  };
}

/**
 * Imports documents. Every document is checked first; when any has a problem, nothing is written
 * and an InvalidInputError lists them all.
 */
export async function importDocuments(
  ctx: DbContext,
  inputs: readonly DocumentInput[],
  options: DocumentImportOptions = {},
): Promise<DocumentImportSummary> {
  const started = performance.now();
  const look = await lookups(ctx);
  const prepared: Prepared[] = [];
  const problems: string[] = [];
  const ids = new Map<string, string>();
  const keys = new Map<string, string>();
  for (const input of inputs) {
    const outcome = prepare(input, look);
    if (!outcome.ok) {
      problems.push(...outcome.problems.map((p) => `${input.name}: ${p}`));
      continue;
    }
    const otherFile = keys.get(outcome.prepared.key);
    if (otherFile) {
      problems.push(
        `${input.name}: document ${outcome.prepared.key} is also ${otherFile}; give each its own symbol or part`,
      );
      continue;
    }
    keys.set(outcome.prepared.key, input.name);
    for (const record of outcome.prepared.records) {
      const other = ids.get(record.id);
      if (other)
        problems.push(
          `${input.name}: recommendation ${record.id} is also in ${other} (same symbol and paragraph)`,
        );
      else ids.set(record.id, input.name);
    }
    prepared.push(outcome.prepared);
  }
  // A document another source brought stays that source's: another version is a part of its own.
  const owners = await ctx.db.read<{ symbol: string; dataset: string }>(
    cypher('documents/find-document-datasets'),
    { symbols: prepared.map((p) => p.key) },
  );
  const ownerOf = new Map(owners.map((o) => [o.symbol, o.dataset]));
  for (const p of prepared) {
    const owner = ownerOf.get(p.key);
    if (owner && owner !== p.input.source.dataset)
      problems.push(
        `${p.input.name}: document ${p.key} is already in the graph from ${owner}; importing another version under the same symbol would replace it: pass --part (e.g. --part full-text) to keep both`,
      );
  }
  if (problems.length) {
    throw new InvalidInputError(
      `nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n  ${problems.join('\n  ')}`,
    );
  }
  const summary: DocumentImportSummary = {
    documents: prepared.map((p) => p.result),
    units: prepared.reduce((n, p) => n + p.units.length, 0),
    recommendations: prepared.reduce((n, p) => n + p.records.length, 0),
    created: 0,
    updated: 0,
    unchanged: 0,
    joined: 0,
    written: false,
    seconds: 0,
  };
  if (!options.dryRun) {
    let index = 0;
    for (const group of groups(prepared)) {
      await writeDocuments(ctx, group);
      for (const p of group) options.onDocument?.(p.result, index++, prepared.length);
    }
    summary.written = true;
  } else {
    for (const [index, p] of prepared.entries())
      options.onDocument?.(p.result, index, prepared.length);
  }
  for (const p of prepared) {
    summary.created += p.result.created;
    summary.updated += p.result.updated;
    summary.unchanged += p.result.unchanged;
    summary.joined += p.result.joined;
  }
  summary.seconds = Math.round((performance.now() - started) / 10) / 100;
  return summary;
}

/** Recommendations per transaction when documents are written together. */
const GROUP_RECORDS = 1000;

/** Documents in groups of about GROUP_RECORDS recommendations, each group one transaction. */
function groups(prepared: readonly Prepared[]): Prepared[][] {
  const out: Prepared[][] = [];
  let group: Prepared[] = [];
  let size = 0;
  for (const p of prepared) {
    if (group.length && size + p.records.length > GROUP_RECORDS) {
      out.push(group);
      group = [];
      size = 0;
    }
    group.push(p);
    size += p.records.length + 1;
  }
  if (group.length) out.push(group);
  return out;
}

/**
 * Writes a group of documents in one transaction: the unchanged ones are skipped, the others'
 * recommendations written through the import's batch writer with their own nodes alongside.
 */
async function writeDocuments(ctx: DbContext, group: readonly Prepared[]): Promise<void> {
  const stored = await ctx.db.read<{
    symbol: string;
    contentHash: string | null;
    sources: { sourceId: string; contentHash: string }[];
    existing: string[];
  }>(cypher('documents/find-document-state'), {
    documents: group.map((p) => ({
      symbol: p.key,
      dataset: p.input.source.dataset,
      ids: p.records.map((r) => r.id),
    })),
  });
  const byKey = new Map(stored.map((s) => [s.symbol, s]));
  const changed: Prepared[] = [];
  for (const p of group) {
    const { records, result } = p;
    const found = byKey.get(p.key);
    if (found?.contentHash === p.contentHash) {
      result.unchanged = records.length;
      continue;
    }
    changed.push(p);
    const before = new Map((found?.sources ?? []).map((s) => [s.sourceId, s.contentHash]));
    for (const r of records) {
      const previous = before.get(r.source.id);
      if (previous !== undefined && previous !== r.contentHash)
        result.changedParagraphs.push(r.paragraph!);
      before.delete(r.source.id);
    }
    result.missingParagraphs.push(...[...before.keys()].map((id) => id.slice(p.key.length + 1)));
    for (const label of result.missingParagraphs)
      result.warnings.push(`paragraph ${label} of the earlier version is not in this one (kept)`);
  }
  if (!changed.length) return;
  const attribution = (p: Prepared) => ({
    licence: p.input.source.licence ?? null,
    attribution: p.input.source.attribution ?? null,
    url: p.input.source.url ?? null,
  });
  const records = changed.flatMap((p) => p.records);
  await writeBatch(ctx, records, new Map(), {
    also: async (tx: Tx) => {
      await tx.run(cypher('documents/write-document'), {
        documents: changed.map((p) => ({
          symbol: p.key,
          whole: p.meta.part ? p.meta.symbol : null,
          part: p.meta.part,
          title: p.meta.title,
          language: p.meta.language,
          date: p.meta.date && p.meta.date.length === 10 ? p.meta.date : null,
          year: p.meta.date ? Number(p.meta.date.slice(0, 4)) : null,
          mechanism: p.meta.mechanism,
          state: p.meta.state,
          cycle: p.meta.cycle,
          kind: p.meta.kind,
          contentHash: p.contentHash,
          dataset: p.input.source.dataset,
          ...attribution(p),
          units: p.units.length,
          recommendations: p.records.length,
          warnings: p.result.warnings,
        })),
      });
      await tx.run(cypher('documents/write-document-paragraphs'), {
        documents: changed.map((p) => ({ symbol: p.key, paragraphs: p.paragraphs })),
      });
      const rows = changed.flatMap((p) => {
        return p.records.map((r) => ({
          id: r.id,
          chapeau: r.context!.chapeau,
          concern: r.context!.concern,
          concernParagraphs: r.context!.concernParagraphs,
          concernIds: r.context!.concernParagraphs.map((label) => `${p.key}#${label}`),
          preamble: r.context!.preamble,
          headings: r.context!.headings,
          highlighted: r.context!.highlighted,
          position: p.positions.get(r.paragraph!) ?? null,
          // The part of a multi-state report it is in (its document is the whole report).
          documentPart: p.meta.part ? p.key : null,
          dataset: p.input.source.dataset,
          sourceId: r.source.id,
          ...attribution(p),
        }));
      });
      if (rows.length) await tx.run(cypher('documents/set-recommendation-context'), { rows });
    },
  });
  // Counted per document against what the graph held before (the batch writer counts a group).
  for (const p of changed) {
    const before = new Map(
      (byKey.get(p.key)?.sources ?? []).map((x) => [x.sourceId, x.contentHash]),
    );
    for (const r of p.records) {
      const previous = before.get(r.source.id);
      if (previous === undefined) p.result.created++;
      else if (previous === r.contentHash) p.result.unchanged++;
      else p.result.updated++;
    }
  }
}
