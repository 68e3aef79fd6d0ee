/**
 * The version counters of the parts of the data that cached aggregates depend on
 * (docs/analytics.md, "Aggregates for dashboards"). A write raises its part's counter in its own
 * transaction; a cached result is served while the counters it was computed under hold.
 */
import type { DbContext } from '../../graphql/context.ts';
import { cypher } from '../../db/cypher.ts';
import type { Db, Tx } from '../../db/run.ts';

/**
 * The parts of the data that cached aggregates depend on, each with its own version, so that a
 * change invalidates only what reads it: a follow-up change leaves counts by theme cached.
 * - `recommendations`: recommendations and their properties, responses, themes, SDG links;
 * - `follow-up`: follow-up actions and assessments;
 * - `overlaps`: REPEATS links (written by overlap detection);
 * - `clusters`: overlap clusters and the signals stored on them (the neglect analysis), raised
 *   wherever the signals are written (`refreshClusterSignals`), which every change to clusters,
 *   follow-up or assessments that reaches a cluster does.
 */
export const DATA_PARTS = ['recommendations', 'follow-up', 'overlaps', 'clusters'] as const;
export type DataPart = (typeof DATA_PARTS)[number];
export type DataVersions = Readonly<Record<DataPart, number>>;

/**
 * Marks one part of the data as changed, inside the caller's transaction, so that cached
 * aggregates (recommendationStats) reading it are recomputed.
 */
export async function bumpDataVersion(tx: Pick<Tx, 'run'>, part: DataPart): Promise<void> {
  await tx.run(cypher('analytics/bump-data-version'), { part });
}

/** The counters last read from one database, and the read under way. */
interface Watch {
  last?: {
    readonly versions: DataVersions;
    /** When the read started (`performance.now()`). */
    readonly at: number;
    /** `Db.localWrites` when the read started. */
    readonly writes: number;
  };
  pending?: { readonly writes: number; readonly versions: Promise<DataVersions> };
}

/** Per database (`Db.identity`), like the caches that use them. */
const WATCHES = new WeakMap<object, Watch>();

/**
 * The current version of each part of the data (0 before any change was recorded).
 *
 * With `maxAgeMs` 0 (the default) the counters are read from the database. With more, counters
 * read at most that long ago are reused, unless a write through this process (any Db over the
 * same driver and database) has finished since their read started, and callers arriving while a
 * read is under way share it. A change made by this process is therefore seen at once; one made
 * by another process (a CLI import, another server) at most `maxAgeMs` later.
 */
export async function dataVersions(
  { db }: DbContext,
  { maxAgeMs = 0 }: { maxAgeMs?: number } = {},
): Promise<DataVersions> {
  let watch = WATCHES.get(db.identity);
  if (!watch) WATCHES.set(db.identity, (watch = {}));
  const writes = db.localWrites;
  if (maxAgeMs > 0) {
    const { last, pending } = watch;
    if (last && last.writes === writes && performance.now() - last.at <= maxAgeMs) {
      return last.versions;
    }
    if (pending?.writes === writes) return pending.versions;
  }
  const at = performance.now();
  const versions = readVersions(db).then((read) => {
    // A read that started earlier than the one kept is older news: it is not kept.
    if (!watch.last || watch.last.at <= at) watch.last = { versions: read, at, writes };
    return read;
  });
  if (maxAgeMs > 0) {
    const pending = { writes, versions };
    watch.pending = pending;
    const clear = () => {
      if (watch.pending === pending) watch.pending = undefined;
    };
    versions.then(clear, clear);
  }
  return versions;
}

async function readVersions(db: Db): Promise<DataVersions> {
  const rows = await db.read<{ part: string; version: number }>(
    cypher('analytics/find-data-version'),
  );
  const stored = new Map(rows.map((row) => [row.part, row.version]));
  return Object.fromEntries(DATA_PARTS.map((part) => [part, stored.get(part) ?? 0])) as Record<
    DataPart,
    number
  >;
}
