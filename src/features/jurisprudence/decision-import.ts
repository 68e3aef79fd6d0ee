/**
 * What the decision importers share: each reader turns its rows into drafts; this checks them all
 * (bodies, states, article codes), merges drafts that are one decision, and writes, in batches,
 * only the decisions whose content changed. Rows that cannot be imported are rejected and
 * reported with file:line; the others are written (the OHCHR file has known defects that would
 * otherwise block it for ever).
 */
import { createHash } from 'node:crypto';
import type { DbContext } from '../../graphql/context.ts';
import { closestMatches } from '../../core/closest-matches.ts';
import { StateNameIndex } from '../states/index.ts';
import { parseArticleCode, type TreatyArticle } from './article-codes.ts';
import * as repository from './decision.repository.ts';
import type { Decision, DecisionWrite } from './decision.repository.ts';
import { refreshAllClusterSignals } from '../analytics-store/index.ts';
import { resolvePendingCitations } from './citation-reading.service.ts';

export interface DecisionImportOptions {
  /**
   * Check the files and count what would change; write nothing.
   * @default false
   */
  readonly dryRun?: boolean;
}

/** A row that cannot be imported, or one imported with a caveat. */
export interface DecisionProblem {
  readonly file: string;
  /** 1-based line in a CSV (1 is the header); for the XML, the item's position (1-based). */
  readonly line: number;
  readonly reason: string;
}

/**
 * `read` counts source rows (items); `created`, `updated` and `unchanged` count decisions (rows
 * merged into one decision count once); `rejected` counts rows.
 */
export interface DecisionImportResult {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Rows folded into another row of the same decision. */
  merged: number;
  readonly rejections: DecisionProblem[];
  readonly warnings: DecisionProblem[];
  /** Citations of recommendations that now point at an imported decision. */
  citationsResolved: number;
  /** False for a dry run. */
  readonly written: boolean;
}

/** One source row as a reader understood it, before states and articles are looked up. */
export interface DecisionDraft extends Pick<
  Decision,
  | 'id'
  | 'symbol'
  | 'kind'
  | 'outcome'
  | 'date'
  | 'communicationNumbers'
  | 'applicationNumbers'
  | 'title'
  | 'session'
  | 'issues'
  | 'url'
  | 'dataset'
  | 'sourceId'
> {
  readonly file: string;
  readonly line: number;
  /** The body as the source names it (a mechanism code). */
  readonly body: string;
  /** State names as written. */
  readonly states: readonly string[];
  /** All the states are respondents (false: the source mixes respondents and countries of return). */
  readonly respondentsKnown: boolean;
  readonly articles: readonly { readonly code: string; readonly violated: boolean | null }[];
  /** No dates and no parties: an empty record that only a full one can complete. */
  readonly skeleton: boolean;
  readonly warnings: readonly string[];
}

interface Resolved {
  readonly draft: DecisionDraft;
  readonly iso3s: string[];
  readonly articles: (TreatyArticle & { violated: boolean | null })[];
}

const BATCH_SIZE = 250;

/** Reads `name` among states' names; what it cannot find gets the closest names. */
function stateProblem(
  name: string,
  states: readonly { iso3: string; name: string; names: string[] }[],
): string {
  const close = closestMatches(name, states, (s) => [s.name, ...s.names]);
  return `unknown state ${JSON.stringify(name)}; ${close.length ? `closest: ${close.map((s) => `${s.iso3} (${s.name})`).join('; ')}` : 'no close match'}`;
}

/** violated: true over false over null (a finding on an article beats not finding on it). */
const strongest = (a: boolean | null, b: boolean | null) =>
  a === true || b === true ? true : a === false || b === false ? false : null;

const union = (lists: readonly (readonly string[])[]) => [...new Set(lists.flat())];

/**
 * Folds the rows of one decision: a skeleton gives way to a full record; scalars come from the
 * first row that has them (a different value is a warning); lists are joined. When one row names
 * fewer states than another, the fewer are the respondents and the rest the countries of return
 * (the OHCHR file names both on non-refoulement cases without saying which is which).
 */
function mergeResolved(
  group: readonly Resolved[],
  warnings: DecisionProblem[],
): Resolved & {
  returnStates: string[];
  ambiguous: boolean;
  sourceIds: string[];
} {
  // Full records before skeletons, then by dataset and source id: the same whatever the order
  // of the files or rows.
  const ordered = [...group].sort(
    (a, b) =>
      Number(a.draft.skeleton) - Number(b.draft.skeleton) ||
      a.draft.dataset.localeCompare(b.draft.dataset) ||
      a.draft.sourceId.localeCompare(b.draft.sourceId, 'en', { numeric: true }),
  );
  const full = ordered.filter((r) => !r.draft.skeleton);
  const used = full.length ? full : ordered;
  const first = used[0]!;
  for (const other of ordered) {
    if (other === first) continue;
    const where = `${first.draft.file}:${first.draft.line}`;
    warnings.push({
      file: other.draft.file,
      line: other.draft.line,
      reason: `${other.draft.skeleton && full.length ? 'skeleton record of' : 'same decision as'} ${where} (${first.draft.id}): merged`,
    });
  }
  const pick = <K extends keyof DecisionDraft>(key: K): DecisionDraft[K] => {
    let value = first.draft[key];
    for (const r of used) {
      const v = r.draft[key];
      if (value === null || value === undefined) value = v;
      // Titles differ between language versions of one judgment: not worth a warning.
      else if (v !== null && v !== undefined && v !== value && key !== 'title') {
        warnings.push({
          file: r.draft.file,
          line: r.draft.line,
          reason: `${String(key)} ${JSON.stringify(v)} differs from ${JSON.stringify(value)} on ${first.draft.file}:${first.draft.line}; kept the latter`,
        });
      }
    }
    return value;
  };
  const sets = used.map((r) => r.iso3s).filter((s) => s.length);
  const all = union(sets).sort();
  const smallest = [...sets].sort((a, b) => a.length - b.length)[0] ?? [];
  const told =
    smallest.length < all.length && sets.every((s) => smallest.every((x) => s.includes(x)));
  const respondents = told ? [...smallest].sort() : all;
  const articles = new Map<string, TreatyArticle & { violated: boolean | null }>();
  for (const a of used.flatMap((r) => r.articles)) {
    const known = articles.get(a.code);
    articles.set(a.code, {
      ...a,
      violated: known ? strongest(known.violated, a.violated) : a.violated,
    });
  }
  const draft: DecisionDraft = {
    ...first.draft,
    symbol: pick('symbol'),
    kind: pick('kind'),
    outcome: pick('outcome'),
    date: pick('date'),
    title: pick('title'),
    session: pick('session'),
    url: pick('url'),
    communicationNumbers: union(used.map((r) => r.draft.communicationNumbers)),
    applicationNumbers: union(used.map((r) => r.draft.applicationNumbers)),
    issues: union(used.map((r) => r.draft.issues)),
  };
  return {
    draft,
    iso3s: respondents,
    returnStates: told ? all.filter((s) => !smallest.includes(s)) : [],
    ambiguous: respondents.length > 1 && !used.every((r) => r.draft.respondentsKnown),
    articles: [...articles.values()].sort((a, b) => (a.code < b.code ? -1 : 1)),
    sourceIds: union(used.map((r) => [r.draft.sourceId])),
  };
}

/** A stable hash of what is written, so that a re-import can tell unchanged decisions apart. */
function contentHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);
}

function toWrite(merged: ReturnType<typeof mergeResolved>): DecisionWrite {
  const { draft } = merged;
  const year = draft.date ? Number(draft.date.slice(0, 4)) : null;
  const properties: Omit<Decision, 'id'> = {
    symbol: draft.symbol,
    body: draft.body,
    kind: draft.kind,
    outcome: draft.outcome,
    date: draft.date,
    year,
    communicationNumber: draft.communicationNumbers[0] ?? null,
    communicationNumbers: draft.communicationNumbers,
    applicationNumber: draft.applicationNumbers[0] ?? null,
    applicationNumbers: draft.applicationNumbers,
    title: draft.title,
    session: draft.session,
    issues: draft.issues,
    respondents: merged.iso3s,
    ambiguousRespondent: merged.ambiguous,
    returnStates: merged.returnStates,
    url: draft.url,
    dataset: draft.dataset,
    sourceId: merged.sourceIds[0] ?? draft.sourceId,
    sourceIds: merged.sourceIds,
    sortKey: `${draft.date ?? '0000-00-00'}|${draft.id}`,
  };
  const searchText = [
    draft.symbol,
    draft.title,
    ...draft.communicationNumbers,
    ...draft.applicationNumbers,
    ...draft.issues,
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  const links = {
    respondents: merged.iso3s,
    ambiguousRespondent: merged.ambiguous,
    returnStates: merged.returnStates,
    articles: merged.articles,
  };
  return {
    id: draft.id,
    // Where a decision was read from is not what it says: a row moving in its file changes nothing.
    properties: {
      ...properties,
      searchText,
      contentHash: contentHash({
        properties: { ...properties, sourceId: undefined, sourceIds: undefined },
        links,
      }),
    },
    ...links,
  };
}

/**
 * Checks, merges and writes drafts read by an importer.
 * @param problems rows the reader could not read at all (rejected)
 */
export async function importDrafts(
  ctx: DbContext,
  read: number,
  drafts: readonly DecisionDraft[],
  problems: readonly DecisionProblem[],
  options: DecisionImportOptions,
): Promise<DecisionImportResult> {
  const targets = await repository.findImportTargets(ctx);
  const names = new StateNameIndex(targets.states);
  const mechanisms = new Set(targets.mechanisms);
  const rejections: DecisionProblem[] = [...problems];
  const warnings: DecisionProblem[] = [];
  const byId = new Map<string, Resolved[]>();

  for (const draft of drafts) {
    const reasons: string[] = [];
    if (!mechanisms.has(draft.body)) {
      const close = closestMatches(draft.body, targets.mechanisms, (m) => [m]);
      reasons.push(
        `unknown body ${JSON.stringify(draft.body)}${close.length ? `; closest: ${close.join(', ')}` : ''}`,
      );
    }
    const iso3s: string[] = [];
    for (const name of draft.states) {
      const iso3 = names.resolve(name);
      if (iso3) {
        if (!iso3s.includes(iso3)) iso3s.push(iso3);
      } else reasons.push(stateProblem(name, targets.states));
    }
    if (!draft.states.length && !draft.skeleton) reasons.push('no state');
    const articles: Resolved['articles'] = [];
    for (const { code, violated } of draft.articles) {
      const parsed = parseArticleCode(code);
      if (!parsed.ok) {
        warnings.push({ file: draft.file, line: draft.line, reason: `${parsed.reason}; left out` });
        continue;
      }
      if (parsed.note) warnings.push({ file: draft.file, line: draft.line, reason: parsed.note });
      const same = articles.find((a) => a.code === parsed.article.code);
      if (same) same.violated = strongest(same.violated, violated);
      else articles.push({ ...parsed.article, violated });
    }
    if (reasons.length) {
      rejections.push({ file: draft.file, line: draft.line, reason: reasons.join('; ') });
      continue;
    }
    for (const reason of draft.warnings)
      warnings.push({ file: draft.file, line: draft.line, reason });
    const group = byId.get(draft.id) ?? [];
    group.push({ draft, iso3s, articles });
    byId.set(draft.id, group);
  }

  const merged = [...byId.values()].map((group) => {
    const m = mergeResolved(group, warnings);
    if (m.ambiguous) {
      warnings.push({
        file: m.draft.file,
        line: m.draft.line,
        reason: `${m.draft.id} names ${m.iso3s.join(', ')}: the source does not say which is the respondent and which the country of return; linked AGAINST all, marked ambiguous`,
      });
    }
    return toWrite(m);
  });
  const result: DecisionImportResult = {
    read,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: new Set(rejections.map((p) => `${p.file}\u0000${p.line}`)).size,
    merged: drafts.length - (rejections.length - problems.length) - merged.length,
    rejections,
    warnings,
    written: !options.dryRun,
    citationsResolved: 0,
  };
  const changedStates = new Set<string>();
  for (let start = 0; start < merged.length; start += BATCH_SIZE) {
    const batch = merged.slice(start, start + BATCH_SIZE);
    const stored = await repository.findContentHashes(
      ctx,
      batch.map((d) => d.id),
    );
    const changed = batch.filter((d) => {
      const hash = stored.get(d.id);
      if (hash === undefined) result.created++;
      else if (hash === d.properties.contentHash) result.unchanged++;
      else result.updated++;
      return hash !== d.properties.contentHash;
    });
    if (!options.dryRun && changed.length) {
      await repository.writeDecisions(ctx, changed);
      for (const d of changed) for (const iso3 of d.respondents) changedStates.add(iso3);
    }
  }
  // Recommendations citing a decision just imported now point at it (before the signals,
  // which rest on what they cite).
  if (!options.dryRun) result.citationsResolved = await resolvePendingCitations(ctx);
  // The clusters of the respondent states carry the ADVERSE_JURISPRUDENCE signal.
  if (changedStates.size) await refreshAllClusterSignals(ctx, [...changedStates].sort());
  return result;
}
