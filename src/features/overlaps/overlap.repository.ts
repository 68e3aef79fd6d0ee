/** Every statement of the overlaps feature; Cypher lives in cypher/queries/overlaps. */
import type { DbContext } from '../../context.ts';
import { cypher } from '../../db/cypher.ts';
import type { DetectDoc } from './detect.ts';

export interface StoredDoc extends DetectDoc {
  readonly isNew: boolean;
}

export interface LinkRow {
  readonly a: string;
  readonly b: string;
  readonly score: number;
  readonly kind: string;
  readonly methods: readonly string[];
  /** JSON of the evidence (shared terms, signature rule, Jaccard, containment). */
  readonly evidence: string;
  readonly sharedTerms: readonly string[];
  readonly signature: string | null;
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

export async function statesToDetect({ db }: DbContext, full: boolean, version: string) {
  const rows = await db.read<{ state: string }>(cypher('overlaps/states-to-detect'), {
    full,
    version,
  });
  return rows.map((r) => r.state);
}

export function stateRecommendations(
  { db }: DbContext,
  state: string,
  full: boolean,
  version: string,
) {
  return db.read<StoredDoc & Record<string, unknown>>(cypher('overlaps/state-recommendations'), {
    state,
    full,
    version,
  });
}

export function stateLinks({ db }: DbContext, state: string) {
  return db.read<{ a: string; b: string }>(cypher('overlaps/state-links'), { state });
}

/**
 * Writes one state's results in one transaction: with `full`, the old suggestions go first;
 * then links, repeats, the compared marks and the state's clusters.
 */
export function writeState(
  { db }: DbContext,
  state: string,
  work: {
    full: boolean;
    version: string;
    links: readonly LinkRow[];
    repeats: readonly RepeatRow[];
    compared: readonly string[];
  },
  clustersOf: (links: { a: string; b: string }[]) => ClusterRow[],
): Promise<ClusterRow[]> {
  const { full, version } = work;
  return db.transaction(async (tx) => {
    if (full) await tx.run(cypher('overlaps/clear-state'), { state });
    for (let i = 0; i < work.links.length; i += 5000) {
      await tx.run(cypher('overlaps/write-links'), {
        links: work.links.slice(i, i + 5000),
        version,
      });
    }
    for (let i = 0; i < work.repeats.length; i += 5000) {
      await tx.run(cypher('overlaps/write-repeats'), {
        repeats: work.repeats.slice(i, i + 5000),
        version,
      });
    }
    for (let i = 0; i < work.compared.length; i += 10000) {
      await tx.run(cypher('overlaps/mark-compared'), {
        ids: work.compared.slice(i, i + 10000),
        version,
      });
    }
    const links = await tx.run<{ a: string; b: string }>(cypher('overlaps/state-links'), { state });
    const clusters = clustersOf(links);
    await tx.run(cypher('overlaps/replace-clusters'), { state, clusters, version });
    return clusters;
  });
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

export async function counts({ db }: DbContext) {
  const [row] = await db.read<{ overlaps: number; repeats: number; clusters: number }>(
    cypher('overlaps/counts'),
  );
  return row ?? { overlaps: 0, repeats: 0, clusters: 0 };
}

/** An OVERLAPS link seen from one of its ends. */
export interface OverlapView {
  readonly otherId: string;
  readonly score: number;
  readonly kind: string;
  readonly methods: string[];
  readonly evidence: string;
  readonly status: string;
  readonly reviewedBy: string | null;
  readonly reviewedAt: string | null;
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
