/** Every statement of the overlaps feature; Cypher lives in cypher/queries/overlaps. */
import type { DbContext } from '../../graphql/context.ts';
import { cypher } from '../../db/cypher.ts';
import type { Tx } from '../../db/run.ts';
import type { PageRequest } from '../../core/pagination.ts';
import type { DetectDoc } from './detect.ts';
import { lockStates, refreshClusterSignals, bumpDataVersion } from '../analytics-store/index.ts';
import { CLUSTER_MIN_SCORE } from './score.ts';

export interface StoredDoc extends DetectDoc {
  readonly isNew: boolean;
}

export interface LinkRow {
  readonly a: string;
  readonly b: string;
  readonly score: number;
  readonly kind: string;
  readonly methods: readonly string[];
  readonly jaccard: number;
  readonly containment: number;
  /** Whether the link joins clusters (PairScore.clusters). */
  readonly clusters: boolean;
  readonly sharedTerms: readonly string[];
  readonly signature: string | null;
  readonly cosine: number | null;
  /** The lexical, signature and embedding parts' contributions (log-odds), in that order. */
  readonly parts: readonly number[];
}

export interface RepeatRow {
  readonly from: string;
  readonly to: string;
  readonly basis: string;
  readonly score: number;
  readonly phrase: string | null;
}

export interface ClusterRow {
  readonly id: string;
  readonly members: readonly string[];
  readonly mechanisms: readonly string[];
  readonly years: readonly number[];
  readonly firstYear: number | null;
  readonly lastYear: number | null;
}

/**
 * The states to compare: with `full` every state some recommendation is addressed to, else those
 * with recommendations this detector version has not compared (found by index), sorted.
 */
export async function statesToDetect({ db }: DbContext, full: boolean, version: string) {
  const rows = full
    ? await db.read<{ state: string }>(cypher('overlaps/states-with-recommendations'))
    : await db.read<{ state: string }>(cypher('overlaps/states-to-detect'), { version });
  return rows.map((r) => r.state).sort();
}

export function stateRecommendations(
  { db }: DbContext,
  state: string,
  full: boolean,
  version: string,
  model: string | null,
) {
  return db.read<StoredDoc & { embeddingKey: string | null } & Record<string, unknown>>(
    cypher('overlaps/state-recommendations'),
    { state, full, version, model },
  );
}

/** A live link of a state, with what a cluster records of its two ends. */
export interface ClusterLink extends LiveLink {
  readonly aMechanism: string;
  readonly aYear: number | null;
  readonly bMechanism: string;
  readonly bYear: number | null;
}

export type ClusterBuilder = (links: readonly ClusterLink[]) => ClusterRow[];

/** Rebuilds one state's clusters from its stored (not rejected) links, inside `tx`. */
async function refreshClusters(
  tx: Tx,
  state: string,
  version: string,
  clustersOf: ClusterBuilder,
): Promise<ClusterRow[]> {
  const links = await tx.run<ClusterLink & Record<string, unknown>>(
    cypher('overlaps/state-links'),
    { state, minScore: CLUSTER_MIN_SCORE },
  );
  const clusters = clustersOf(links);
  await tx.run(cypher('overlaps/replace-clusters'), { state, clusters, version });
  return clusters;
}

/** A stored cluster that an incremental run's new links reach. */
export interface TouchedCluster {
  readonly id: string;
  readonly size: number;
  readonly mechanisms: readonly string[];
  readonly years: readonly number[];
  /** All its members. */
  readonly members: readonly string[];
}

/** How one cluster changes in an incremental run. */
export interface ClusterGrowth {
  /** The cluster that grows (kept), or a new cluster's id. */
  readonly id: string;
  /** Stored clusters merged into it: their members move over and they go. */
  readonly absorb: readonly string[];
  /** Recommendations that were in no cluster and join it. */
  readonly members: readonly string[];
  readonly size: number;
  readonly mechanisms: readonly string[];
  readonly years: readonly number[];
  readonly firstYear: number | null;
  readonly lastYear: number | null;
}

/** A link that is not rejected: what clusters are built from (clusters.ts). */
export interface LiveLink {
  readonly a: string;
  readonly b: string;
  readonly score: number;
  /** It may join clusters: confirmed, or a suggestion the model rates SAME-grade. */
  readonly joins: boolean;
  readonly confirmed: boolean;
}

/** How a detection run brings a state's clusters up to date after writing its links. */
export type ClusterUpdate =
  /** Rebuild all of them from the live links (full runs, which compared every pair). */
  | { readonly kind: 'rebuild'; readonly build: (live: readonly LiveLink[]) => ClusterRow[] }
  /**
   * Grow and merge the clusters that the new links reach (incremental runs only add links, so
   * clusters only grow or merge).
   */
  | {
      readonly kind: 'grow';
      readonly grow: (
        touched: readonly TouchedCluster[],
        live: readonly LiveLink[],
      ) => ClusterGrowth[];
      /** Rebuilds them from the stored links when the run forgot stale links. */
      readonly rebuild: ClusterBuilder;
    };

const BATCH = 5000;

/** What `writeState` wrote. */
export interface StateWritten {
  readonly clusters: number;
  /** Of the transaction, the ms spent refreshing the clusters' analytics signals. */
  readonly signalsMs: number;
}

/**
 * Writes one state's results in one transaction, which first locks the state (concurrent runs
 * take turns): with `full`, the old suggestions go first; pairs not stored yet are created,
 * pairs already stored (reviewed ones) refreshed; then repeats, the compared marks, the state's
 * clusters and their analytics signals (all of the state's with `full`, else those holding a
 * compared recommendation or an end of a new REPEATS link: no other cluster's members changed).
 */
export function writeState(
  { db }: DbContext,
  state: string,
  work: {
    full: boolean;
    version: string;
    links: readonly LinkRow[];
    repeats: readonly RepeatRow[];
    /** The compared recommendations with their serialised analyses. */
    compared: readonly { id: string; analysis: string }[];
  },
  clusters: ClusterUpdate,
): Promise<StateWritten> {
  return db.transaction(async (tx) => {
    const written = await writeStateIn(tx, state, work, clusters);
    const started = performance.now();
    const members =
      work.full || written.rebuilt
        ? null
        : [
            ...new Set([
              ...work.compared.map((c) => c.id),
              ...work.repeats.flatMap((r) => [r.from, r.to]),
            ]),
          ];
    await refreshClusterSignals(tx, [state], members);
    const signalsMs = performance.now() - started;
    // Counts by REPEATS (recommendationStats) read these links: last, so that the lock on the
    // version is held only until the commit.
    if (work.full || written.rebuilt || work.repeats.length > 0) {
      await bumpDataVersion(tx, 'overlaps');
    }
    return { clusters: written.clusters, signalsMs };
  });
}

/** The writes of `writeState`, in its transaction. */
async function writeStateIn(
  tx: Tx,
  state: string,
  work: Parameters<typeof writeState>[2],
  clusters: ClusterUpdate,
): Promise<{ clusters: number; rebuilt: boolean }> {
  const { full, version } = work;
  type Pair = { a: string; b: string; status: string };
  let stored: Pair[];
  if (full) {
    await tx.run(cypher('overlaps/lock-state'), { state });
    await tx.run(cypher('overlaps/clear-state'), { state });
    stored = await tx.run<Pair>(cypher('overlaps/state-pairs'), { state });
  } else {
    // Locks the state too.
    stored = await tx.run<Pair>(cypher('overlaps/pairs-touching'), {
      state,
      ids: work.compared.map((c) => c.id),
    });
  }
  const key = (l: { a: string; b: string }) => `${l.a}\u0000${l.b}`;
  // Suggestions touching a recommendation compared again that this run did not find: a reworded
  // text, or an older detector's decision. Only decided links are kept.
  const foundKeys = new Set(work.links.map(key));
  const stale = full
    ? []
    : stored.filter((p) => p.status === 'SUGGESTED' && !foundKeys.has(key(p)));
  for (let i = 0; i < stale.length; i += BATCH) {
    await tx.run(cypher('overlaps/delete-stale-links'), {
      pairs: stale.slice(i, i + BATCH).map(({ a, b }) => ({ a, b })),
    });
  }
  const storedKeys = new Set(stored.map(key));
  const fresh = work.links.filter((l) => !storedKeys.has(key(l)));
  const again = work.links.filter((l) => storedKeys.has(key(l)));
  for (let i = 0; i < fresh.length; i += BATCH) {
    await tx.run(cypher('overlaps/create-links'), { links: fresh.slice(i, i + BATCH), version });
  }
  type Refreshed = { a: string; b: string; status: string; clusters: boolean; score: number };
  const refreshed: Refreshed[] = [];
  for (let i = 0; i < again.length; i += BATCH) {
    refreshed.push(
      ...(await tx.run<Refreshed>(cypher('overlaps/write-links'), {
        links: again.slice(i, i + BATCH),
        version,
      })),
    );
  }
  for (let i = 0; i < work.repeats.length; i += BATCH) {
    await tx.run(cypher('overlaps/write-repeats'), {
      repeats: work.repeats.slice(i, i + BATCH),
      version,
    });
  }
  for (let i = 0; i < work.compared.length; i += 2 * BATCH) {
    await tx.run(cypher('overlaps/mark-compared'), {
      compared: work.compared.slice(i, i + 2 * BATCH),
      version,
    });
  }
  const live: LiveLink[] = [
    ...fresh.map((l) => ({ a: l.a, b: l.b, score: l.score, joins: l.clusters, confirmed: false })),
    ...refreshed
      .filter((l) => l.status !== 'REJECTED')
      .map((l) => {
        const confirmed = l.status === 'CONFIRMED';
        return { a: l.a, b: l.b, score: l.score, joins: confirmed || l.clusters, confirmed };
      }),
  ];
  if (clusters.kind === 'rebuild') {
    // A full run cleared the suggestions: what else is stored are reviewed links, of which
    // the confirmed ones count even where this run did not find them again.
    const found = new Set(work.links.map(key));
    live.push(
      ...stored
        .filter((p) => p.status === 'CONFIRMED' && !found.has(key(p)))
        .map((p) => ({ a: p.a, b: p.b, score: 1, joins: true, confirmed: true })),
    );
    const rebuilt = clusters.build(live);
    await tx.run(cypher('overlaps/replace-clusters'), { state, clusters: rebuilt, version });
    return { clusters: rebuilt.length, rebuilt: true };
  }
  if (stale.length > 0) {
    // A link a cluster was built on may be gone: rebuild the state's clusters from what is stored.
    const rebuilt = await refreshClusters(tx, state, version, clusters.rebuild);
    return { clusters: rebuilt.length, rebuilt: true };
  }
  if (!live.some((l) => l.joins)) return { clusters: 0, rebuilt: false };
  const touched = await tx.run<TouchedCluster & Record<string, unknown>>(
    cypher('overlaps/touched-clusters'),
    { ids: [...new Set(live.flatMap((l) => [l.a, l.b]))] },
  );
  const growths = clusters.grow(touched, live);
  if (growths.length > 0) {
    await tx.run(cypher('overlaps/grow-clusters'), { state, growths, version });
  }
  return { clusters: growths.length, rebuilt: false };
}

export function exportLinks({ db }: DbContext) {
  return db.read<{
    a_id: string;
    b_id: string;
    score: number;
    kind: string;
    methods: string[];
    status: string;
  }>(cypher('overlaps/export-links'));
}

/** An OVERLAPS link seen from one of its ends. */
/** What matched, as stored; `json` holds the whole evidence on links from before overlaps-2. */
export interface StoredEvidence {
  readonly sharedTerms: readonly string[] | null;
  readonly signature: string | null;
  readonly jaccard: number | null;
  readonly containment: number | null;
  readonly json: string | null;
  readonly cosine: number | null;
  readonly parts: readonly number[] | null;
}

export interface OverlapView {
  readonly selfId: string;
  readonly otherId: string;
  readonly score: number;
  readonly kind: string;
  readonly methods: string[];
  readonly evidence: StoredEvidence;
  readonly status: string;
  readonly reviewedBy: string | null;
  readonly reviewedAt: string | null;
  readonly reviewNote: string | null;
  readonly detectorVersion: string;
}

export interface RepeatView {
  readonly otherId: string;
  readonly basis: string;
  readonly score: number;
  readonly phrase: string | null;
}

type Grouped<T> = { key: string; items: T[] } & Record<string, unknown>;

export function findOverlaps({ db }: DbContext, ids: readonly string[]) {
  return db.read<Grouped<OverlapView>>(cypher('overlaps/find-overlaps'), { ids });
}

export function findRepeats(
  { db }: DbContext,
  ids: readonly string[],
  direction: 'repeats' | 'repeatedBy',
) {
  return db.read<Grouped<RepeatView>>(cypher('overlaps/find-repeats'), { ids, direction });
}

/**
 * Records a review decision on the stored link a -> b and rebuilds the state's clusters in the
 * same transaction (a rejected link can split one).
 * @returns the link seen from `a`, or null when no such link is stored
 */
export function reviewOverlap(
  { db }: DbContext,
  review: { a: string; b: string; decision: string; reviewer: string; note: string | null },
  version: string,
  clustersOf: ClusterBuilder,
  /** Writes the audit entry, in the same transaction. */
  audit: (tx: Tx, change: { state: string; before: unknown; after: OverlapView }) => Promise<void>,
): Promise<OverlapView | null> {
  return db.transaction(async (tx) => {
    const [link] = await tx.run<{ state: string }>(cypher('overlaps/link-state'), review);
    if (!link) return null;
    await lockStates(tx, [link.state]);
    const [row] = await tx.run<
      OverlapView & { state: string; before: unknown } & Record<string, unknown>
    >(cypher('overlaps/review-overlap'), review);
    if (!row) return null;
    await refreshClusters(tx, row.state, version, clustersOf);
    await refreshClusterSignals(tx, [row.state]);
    const { state, before, ...view } = row;
    await audit(tx, { state, before, after: view });
    return view;
  });
}

export interface ClusterView {
  readonly id: string;
  readonly state: string;
  readonly size: number;
  readonly mechanisms: string[];
  readonly mechanismCount: number;
  readonly years: number[];
  readonly firstYear: number | null;
  readonly lastYear: number | null;
}

/** One page (`size + 1` rows, in the page's direction) of a state's clusters, with sort keys. */
export function findStateClusters(
  { db }: DbContext,
  state: string,
  minMechanisms: number,
  page: PageRequest,
) {
  return db.read<ClusterView & { key: string } & Record<string, unknown>>(
    cypher('overlaps/find-state-clusters'),
    {
      state,
      minMechanisms,
      after: page.afterKey ?? null,
      before: page.beforeKey ?? null,
      forward: page.direction === 'forward',
      limit: page.size + 1,
    },
  );
}

export async function countStateClusters({ db }: DbContext, state: string, minMechanisms: number) {
  const [row] = await db.read<{ count: number }>(cypher('overlaps/count-state-clusters'), {
    state,
    minMechanisms,
  });
  return row?.count ?? 0;
}

export function findClusterMembers({ db }: DbContext, ids: readonly string[]) {
  return db.read<Grouped<string>>(cypher('overlaps/find-cluster-members'), { ids });
}

export function findRecommendationClusters({ db }: DbContext, ids: readonly string[]) {
  return db.read<ClusterView & { key: string } & Record<string, unknown>>(
    cypher('overlaps/find-recommendation-clusters'),
    {
      ids,
    },
  );
}

/** Up to `limit` recommendations whose text best matches a Lucene query, best first. */
export function searchText({ db }: DbContext, query: string, limit: number, model: string | null) {
  return db.read<DetectDoc & { embeddingKey: string | null } & Record<string, unknown>>(
    cypher('overlaps/search-text'),
    { query, limit, model },
  );
}

/** The `k` recommendations nearest to a vector (any state, any language), nearest first. */
export function searchVectors({ db }: DbContext, vector: Float32Array, k: number, model: string) {
  return db.read<DetectDoc & { embeddingKey: string | null } & Record<string, unknown>>(
    cypher('overlaps/search-vectors'),
    { vector: Array.from(vector), k, model },
  );
}
