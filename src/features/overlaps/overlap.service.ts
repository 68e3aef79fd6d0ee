/**
 * Overlap detection against the graph: per state, load its recommendations, detect (only the
 * new ones against all of the state's, or everything with `full`), store links, repeats, the
 * state's clusters and their analytics signals in one transaction per state.
 */
import { createHash } from 'node:crypto';
import DataLoader from 'dataloader';
import { requirePermission } from '../../auth/viewer.ts';
import type { Context, DbContext } from '../../graphql/context.ts';
import { InvalidInputError, NotFoundError } from '../../core/errors.ts';
import {
  pageRequest,
  toConnection,
  type Connection,
  type PageArgs,
} from '../../core/pagination.ts';
import { DETECTOR_VERSION, detectState, matchText, type DetectedLink } from './detect.ts';
import { LINK_THRESHOLD, type Evidence } from './score.ts';
import { fold, serialiseAnalysis } from './text.ts';
import { recordAudit } from '../audit/index.ts';
import { groupedByKeys } from '../../core/by-keys.ts';
import * as repository from './overlap.repository.ts';

export interface DetectOptions {
  /** Rebuild everything: drop the detector's suggestions (reviewed links stay) and compare all. */
  readonly full?: boolean;
  /** Called after each state, for progress. */
  readonly onState?: (progress: { state: string; done: number; total: number }) => void;
}

export interface DetectSummary {
  readonly states: number;
  readonly compared: number;
  readonly candidates: number;
  readonly links: number;
  readonly repeats: number;
  /** Clusters written: all of each state's with `full`, else those the new links created or merged. */
  readonly clusters: number;
  /**
   * The time spent refreshing the clusters' analytics signals (in the states' write
   * transactions, which overlap with comparing, so not a share of `ms`).
   */
  readonly signalsMs: number;
  readonly ms: number;
}

/** How many states' results are written at once (each in its own transaction). */
const WRITERS = 2;

export async function detectOverlaps(
  ctx: DbContext,
  options: DetectOptions = {},
): Promise<DetectSummary> {
  const started = performance.now();
  const full = options.full ?? false;
  const states = await repository.statesToDetect(ctx, full, DETECTOR_VERSION);
  let compared = 0;
  let candidates = 0;
  let links = 0;
  let repeats = 0;
  let clusters = 0;
  let signalsMs = 0;
  // A pipeline: while Neo4j writes earlier states' results (up to WRITERS transactions at
  // once, on states that share no node) and reads the next state's recommendations, this
  // process compares the current one.
  const writing = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  let done = 0;
  const load = (state: string) => {
    const loading = repository.stateRecommendations(ctx, state, full, DETECTOR_VERSION);
    // Awaited on the next turn; until then a failure must not count as unhandled.
    void loading.catch(() => undefined);
    return loading;
  };
  let next = states.length > 0 ? load(states[0]!) : null;
  for (const [k, state] of states.entries()) {
    if (failure) break;
    const docs = await next!;
    // The next state loads while this one is compared.
    next = k + 1 < states.length ? load(states[k + 1]!) : null;
    const newIds = new Set(docs.filter((d) => d.isNew).map((d) => d.id));
    const result = detectState(docs, { newIds: full ? null : newIds });
    const update: repository.ClusterUpdate = full
      ? { kind: 'rebuild', build: (live) => clustersOf(live, docs) }
      : { kind: 'grow', grow: (touched, live) => growClusters(touched, live, docs) };
    while (writing.size >= WRITERS) await Promise.race(writing);
    if (failure) break;
    const write: Promise<void> = repository
      .writeState(
        ctx,
        state,
        {
          full,
          version: DETECTOR_VERSION,
          links: result.links.map(toRow),
          repeats: result.repeats,
          compared: docs.flatMap((d, i) =>
            newIds.has(d.id)
              ? [{ id: d.id, analysis: serialiseAnalysis(result.analyses[i]!) }]
              : [],
          ),
        },
        update,
      )
      .then(
        (written) => {
          compared += newIds.size;
          candidates += result.candidates;
          links += result.links.length;
          repeats += result.repeats.length;
          clusters += written.clusters;
          signalsMs += written.signalsMs;
          done++;
          options.onState?.({ state, done, total: states.length });
        },
        // Kept, not left unhandled, until the loop sees it.
        (error: unknown) => {
          failure ??= { error };
        },
      )
      .finally(() => writing.delete(write));
    writing.add(write);
  }
  await Promise.all(writing);
  if (failure) throw (failure as { error: unknown }).error;
  return {
    signalsMs: Math.round(signalsMs),
    states: states.length,
    compared,
    candidates,
    links,
    repeats,
    clusters,
    ms: Math.round(performance.now() - started),
  };
}

/**
 * An incremental run's clusters. Its new links join recommendations that were in no cluster and
 * stored clusters (each already connected, so it counts as one node here). Each component that
 * changed grows its largest stored cluster, which keeps its id and absorbs the others, or
 * becomes a new cluster; only the joining recommendations and the absorbed clusters' members
 * are written, not the whole cluster again.
 */
export function growClusters(
  touched: readonly repository.TouchedCluster[],
  live: readonly { a: string; b: string }[],
  docs: readonly { id: string; mechanism: string; year: number | null }[],
): repository.ClusterGrowth[] {
  const clusterOfRec = new Map<string, repository.TouchedCluster>();
  for (const c of touched) for (const id of c.holds) clusterOfRec.set(id, c);
  const byCluster = new Map(touched.map((c) => [c.id, c]));
  // Node names: "c" + cluster id for a clustered recommendation, "r" + id otherwise.
  const node = (id: string) => {
    const c = clusterOfRec.get(id);
    return c ? `c${c.id}` : `r${id}`;
  };
  const byId = new Map(docs.map((d) => [d.id, d]));
  const growths: repository.ClusterGrowth[] = [];
  for (const component of components(live.map((l) => ({ a: node(l.a), b: node(l.b) })))) {
    const stored = component
      .filter((n) => n.startsWith('c'))
      .map((n) => byCluster.get(n.slice(1))!)
      .sort((x, y) => y.size - x.size || (x.id < y.id ? -1 : 1));
    const joining = component.filter((n) => n.startsWith('r')).map((n) => n.slice(1));
    if (joining.length === 0 && stored.length < 2) continue; // nothing changed
    const span = spanOf(joining.map((id) => byId.get(id)));
    const mechanisms = new Set([...span.mechanisms, ...stored.flatMap((c) => c.mechanisms)]);
    const years = new Set([...span.years, ...stored.flatMap((c) => c.years)]);
    growths.push({
      id: stored[0]?.id ?? clusterId(joining.sort()[0]!),
      absorb: stored.slice(1).map((c) => c.id),
      members: joining,
      size: stored.reduce((n, c) => n + c.size, joining.length),
      ...spanned([...mechanisms], [...years]),
    });
  }
  return growths;
}

function toRow(link: DetectedLink): repository.LinkRow {
  return {
    a: link.a,
    b: link.b,
    score: link.score,
    kind: link.kind,
    methods: link.methods,
    jaccard: link.evidence.jaccard,
    containment: link.evidence.containment,
    clusters: link.clusters,
    sharedTerms: link.evidence.sharedTerms,
    signature: link.evidence.signature,
  };
}

/**
 * Connected components of the links (union-find), as clusters with the mechanisms and years they
 * span. A cluster's id is derived from its smallest member, so it stays put while it grows.
 */
export function clustersOf(
  links: readonly { a: string; b: string }[],
  docs: readonly { id: string; mechanism: string; year: number | null }[],
): repository.ClusterRow[] {
  const byId = new Map(docs.map((d) => [d.id, d]));
  return components(links).map((members) => {
    members.sort();
    const { mechanisms, years } = spanOf(members.map((id) => byId.get(id)));
    return { id: clusterId(members[0]!), members, ...spanned(mechanisms, years) };
  });
}

/** A new cluster's id, from its smallest member. */
const clusterId = (smallest: string) =>
  `cluster:${createHash('sha1').update(smallest).digest('hex').slice(0, 16)}`;

/** The connected components of a graph given by its edges (union-find), as lists of nodes. */
function components(edges: readonly { a: string; b: string }[]): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    for (let y = x; parent.get(y) !== root;) {
      const next = parent.get(y)!;
      parent.set(y, root);
      y = next;
    }
    return root;
  };
  for (const { a, b } of edges) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    const list = groups.get(root);
    if (list) list.push(id);
    else groups.set(root, [id]);
  }
  return [...groups.values()];
}

/** The mechanisms and years some recommendations span, sorted. */
function spanOf(docs: readonly ({ mechanism: string; year: number | null } | undefined)[]) {
  return {
    mechanisms: [...new Set(docs.map((d) => d?.mechanism).filter((m) => m != null))],
    years: [...new Set(docs.map((d) => d?.year).filter((y): y is number => y != null))],
  };
}

function spanned(mechanisms: readonly string[], years: readonly number[]) {
  const sortedYears = [...years].sort((x, y) => x - y);
  return {
    mechanisms: [...mechanisms].sort(),
    years: sortedYears,
    firstYear: sortedYears[0] ?? null,
    lastYear: sortedYears.at(-1) ?? null,
  };
}

/** The evidence of a stored link (links from before overlaps-2 kept it as one JSON string). */
export function evidenceOf(stored: repository.StoredEvidence): Evidence {
  if (stored.jaccard == null && stored.json) return JSON.parse(stored.json) as Evidence;
  return {
    sharedTerms: stored.sharedTerms ?? [],
    signature: stored.signature,
    jaccard: stored.jaccard ?? 0,
    containment: stored.containment ?? 0,
  };
}

/** Clusters from stored links that carry their ends' mechanism and year. */
const buildClusters: repository.ClusterBuilder = (links) =>
  clustersOf(
    links,
    links.flatMap((l) => [
      { id: l.a, mechanism: l.aMechanism, year: l.aYear },
      { id: l.b, mechanism: l.bMechanism, year: l.bYear },
    ]),
  );

export async function exportCsvRows(ctx: DbContext) {
  return repository.exportLinks(ctx);
}

export const overlapCounts = repository.counts;

/**
 * A DataLoader per request context and batch function: for fields whose arguments filter what
 * one batched load fetched (the dataloader plugin keys its loaders by field, not arguments) or
 * whose values are ids of another loadable type.
 */
function perRequest<V>(batch: (ctx: DbContext, ids: readonly string[]) => Promise<V[]>) {
  const loaders = new WeakMap<DbContext, DataLoader<string, V>>();
  return (ctx: DbContext, id: string): Promise<V> => {
    let loader = loaders.get(ctx);
    if (!loader) {
      loader = new DataLoader((ids: readonly string[]) => batch(ctx, ids));
      loaders.set(ctx, loader);
    }
    return loader.load(id);
  };
}

const loadOverlaps = perRequest(async (ctx, ids) =>
  groupedByKeys(ids, await repository.findOverlaps(ctx, ids)),
);

/** The member ids of a cluster, oldest first. */
export const clusterMembersOf = perRequest(async (ctx, ids) =>
  groupedByKeys(ids, await repository.findClusterMembers(ctx, ids)),
);

/** The cluster a recommendation belongs to, or null. */
export const clusterOf = perRequest(async (ctx, ids) => {
  const byId = new Map(
    (await repository.findRecommendationClusters(ctx, ids)).map(({ key, ...c }) => [key, c]),
  );
  return ids.map((id) => byId.get(id) ?? null);
});

/** `Recommendation.overlaps`: one batched load per request, filtered by each field's arguments. */
export async function overlapsOf(
  ctx: DbContext,
  id: string,
  filter: { minScore?: number | null; kinds?: readonly string[] | null },
): Promise<repository.OverlapView[]> {
  const all = await loadOverlaps(ctx, id);
  return all.filter(
    (o) =>
      o.score >= (filter.minScore ?? 0) && (!filter.kinds?.length || filter.kinds.includes(o.kind)),
  );
}

/** The REPEATS of each recommendation in one direction, a list per id (for `t.loadableList`). */
export async function repeatsOf(
  ctx: DbContext,
  ids: readonly string[],
  direction: 'repeats' | 'repeatedBy',
) {
  return groupedByKeys(ids, await repository.findRepeats(ctx, ids, direction));
}

/**
 * An overlap's id names its two recommendations in stored order, as a JSON array: readable, and
 * unambiguous whatever characters the recommendation ids hold.
 * @example overlapId('A/HRC/28/15#115.9', 'A/HRC/28/15#115.1') === '["A/HRC/28/15#115.1","A/HRC/28/15#115.9"]'
 */
export function overlapId(x: string, y: string): string {
  return JSON.stringify(x < y ? [x, y] : [y, x]);
}

function parseOverlapId(id: string): { a: string; b: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(id);
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    !parsed.every((x): x is string => typeof x === 'string' && x.length > 0) ||
    parsed[0] === parsed[1]
  ) {
    throw new InvalidInputError(`${JSON.stringify(id)} is not an overlap id`, 'id');
  }
  const [x, y] = parsed as [string, string];
  return x < y ? { a: x, b: y } : { a: y, b: x };
}

export type ReviewDecision = 'CONFIRMED' | 'REJECTED';

/**
 * A reviewer confirms or rejects a detected link. The decision survives re-detection (`--full`
 * keeps it), and a rejection takes the link out of the state's clusters at once.
 * @throws ForbiddenError unless the viewer may review overlaps
 * @throws InvalidInputError for a malformed id
 * @throws NotFoundError when no such link is stored
 */
export async function reviewOverlap(
  ctx: Pick<Context, 'db' | 'viewer'>,
  input: { id: string; decision: ReviewDecision; note?: string | null | undefined },
): Promise<repository.OverlapView> {
  requirePermission(ctx.viewer, 'reviewOverlaps');
  const { a, b } = parseOverlapId(input.id);
  if (input.note && input.note.length > 2000) {
    throw new InvalidInputError('note must be at most 2000 characters', 'note');
  }
  const view = await repository.reviewOverlap(
    ctx,
    {
      a,
      b,
      decision: input.decision,
      reviewer: ctx.viewer.name ?? 'unknown',
      note: input.note?.trim() || null,
    },
    DETECTOR_VERSION,
    buildClusters,
    (tx, change) =>
      recordAudit(tx, ctx.viewer, {
        operation: 'REVIEW_OVERLAP',
        entityType: 'Overlap',
        entityId: overlapId(a, b),
        state: change.state,
        before: change.before,
        after: {
          status: change.after.status,
          reviewedBy: change.after.reviewedBy,
          reviewedAt: change.after.reviewedAt,
          reviewNote: change.after.reviewNote,
        },
      }),
  );
  if (!view) throw new NotFoundError('Overlap', input.id);
  return view;
}

/** A state's overlap clusters, most mechanisms first, then largest. */
export async function stateClusters(
  ctx: DbContext,
  state: string,
  args: PageArgs & { minMechanisms?: number | null | undefined },
): Promise<Connection<repository.ClusterView & { key: string }>> {
  const minMechanisms = args.minMechanisms ?? 1;
  const page = pageRequest(args);
  const rows = await repository.findStateClusters(ctx, state, minMechanisms, page);
  return toConnection(
    rows,
    page,
    (c) => c.key,
    () => repository.countStateClusters(ctx, state, minMechanisms),
  );
}

/** How many recommendations the full-text index proposes when no state narrows the search. */
const SEARCH_POOL = 300;

export interface SimilarArgs {
  readonly text: string;
  readonly state?: string | null | undefined;
  readonly language?: string | null | undefined;
  readonly first?: number | null | undefined;
  readonly minScore?: number | null | undefined;
}

/**
 * Recommendations that ask what `text` asks, scored as detection scores a pair. With a state,
 * every recommendation to that state is compared (nothing is missed); without one, the
 * full-text index proposes the best-matching few hundred across all states, and those are
 * compared (their words weighted within that pool).
 */
export async function similarRecommendations(ctx: DbContext, args: SimilarArgs) {
  const text = args.text.trim();
  if (!text) throw new InvalidInputError('text must not be empty', 'text');
  const first = args.first ?? 10;
  const threshold = args.minScore ?? LINK_THRESHOLD;
  let docs;
  if (args.state) {
    docs = await repository.stateRecommendations(
      ctx,
      args.state.toUpperCase(),
      false,
      DETECTOR_VERSION,
    );
  } else {
    const words = [...new Set(fold(text).match(/[a-z][a-z0-9]{2,}/g) ?? [])].slice(0, 64);
    if (words.length === 0) return [];
    docs = await repository.searchText(ctx, words.join(' '), SEARCH_POOL);
  }
  return matchText({ text, language: args.language ?? null }, docs, threshold)
    .slice(0, first)
    .map(({ id, score, kind, methods, evidence }) => ({
      id,
      score,
      kind,
      methods: [...methods],
      evidence,
    }));
}
