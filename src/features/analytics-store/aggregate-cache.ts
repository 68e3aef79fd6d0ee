/**
 * The cache of computed aggregates that dashboards ask for again and again: recommendationStats,
 * the coverage matrix, followUpProgress. Each result is filed with the versions of the data parts
 * it read (data-versions.ts; docs/analytics.md, "Aggregates for dashboards") and served while
 * they hold. After a change, `refreshStaleStats` recomputes the results it made stale, most
 * recently stored first, so that the next request does not wait; `startStatsRefresh` does that
 * in the background once the data has stopped changing (`npm start`).
 */
import { DEFAULT_STATS_MAX_STALENESS_MS } from '../../core/config.ts';
import type { DbContext } from '../../graphql/context.ts';
import type { Logger } from '../../core/logger.ts';
import { dataVersions, type DataPart, type DataVersions } from './data-versions.ts';

/** One cacheable computation. */
export interface Aggregate<T> {
  /** Tells this result from every other (the kind of aggregate and its arguments). */
  readonly key: string;
  /** The parts of the data it reads: a change to any of them makes the result stale. */
  readonly parts: readonly DataPart[];
  compute(ctx: DbContext): Promise<T>;
}

interface Entry {
  readonly aggregate: Aggregate<unknown>;
  readonly version: string;
  readonly value: unknown;
}

/** Distinct results kept in memory; the least recently stored go first. */
const CACHE_SIZE = 500;

/**
 * One database's results and computations under way. Kept per database (`Db.identity`), so that
 * a process serving two databases never answers from the other's figures.
 */
interface Cache {
  /** Results by key, kept while the versions of the data parts they read hold. */
  readonly results: Map<string, Entry>;
  /**
   * Computations under way, by key: a request that finds its own under way for the same
   * versions waits for it instead of running the aggregation again (a dashboard's viewers, or
   * the background refresh, asking for the same figures at once after a change).
   */
  readonly computing: Map<string, { readonly version: string; readonly value: Promise<unknown> }>;
}

const CACHES = new WeakMap<object, Cache>();

function cacheOf(ctx: DbContext): Cache {
  let cache = CACHES.get(ctx.db.identity);
  if (!cache) CACHES.set(ctx.db.identity, (cache = { results: new Map(), computing: new Map() }));
  return cache;
}

let maxStalenessMs = DEFAULT_STATS_MAX_STALENESS_MS;

/**
 * How long after another process changed the data (a CLI import, another server) requests may
 * still be served the results cached before: the data versions a request checks are reused for
 * that long, so most requests for cached results do not wait on the database at all. A change
 * made through this process is seen at once whatever the setting (`dataVersions`); 0 reads the
 * versions on every request.
 * @returns the setting it replaces
 */
export function setStatsMaxStaleness(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`max staleness ${ms}: must be 0 or more`);
  }
  const previous = maxStalenessMs;
  maxStalenessMs = ms;
  return previous;
}

/** The data versions a request for cached results goes by (see `setStatsMaxStaleness`). */
export const requestVersions = (ctx: DbContext): Promise<DataVersions> =>
  dataVersions(ctx, { maxAgeMs: maxStalenessMs });

const versionOf = (aggregate: Aggregate<unknown>, versions: DataVersions) =>
  aggregate.parts.map((part) => versions[part]).join('.');

/** The aggregate's value at `version`: joins the computation under way, or starts one. */
function computeOnce<T>(ctx: DbContext, aggregate: Aggregate<T>, version: string): Promise<T> {
  const { computing } = cacheOf(ctx);
  const running = computing.get(aggregate.key);
  if (running?.version === version) return running.value as Promise<T>;
  const value = compute(ctx, aggregate, version).finally(() => {
    if (computing.get(aggregate.key)?.value === value) computing.delete(aggregate.key);
  });
  computing.set(aggregate.key, { version, value });
  return value;
}

/** Computes the aggregate and files it, unless a change landed meanwhile. */
async function compute<T>(ctx: DbContext, aggregate: Aggregate<T>, version: string): Promise<T> {
  const value = await aggregate.compute(ctx);
  // Filed only if no change landed meanwhile (the versions read again, not reused), so that a
  // result is never filed under a newer version than the data it read.
  if (versionOf(aggregate, await dataVersions(ctx)) === version) {
    const { results } = cacheOf(ctx);
    results.delete(aggregate.key);
    results.set(aggregate.key, { aggregate, version, value });
    if (results.size > CACHE_SIZE) results.delete(results.keys().next().value!);
  }
  return value;
}

/**
 * The aggregate's value: from the cache while the data it reads is unchanged, else computed.
 * The same object is returned for as long as it is served from the cache.
 * @param versions the data versions, when the caller has just got them from `requestVersions`
 */
export async function cachedAggregate<T>(
  ctx: DbContext,
  aggregate: Aggregate<T>,
  versions?: DataVersions,
): Promise<T> {
  const version = versionOf(aggregate, versions ?? (await requestVersions(ctx)));
  const cached = cacheOf(ctx).results.get(aggregate.key);
  if (cached?.version === version) return cached.value as T;
  return computeOnce(ctx, aggregate, version);
}

/** The cached results the data (at `versions`) has changed under, oldest stored first. */
const staleEntries = (ctx: DbContext, versions: DataVersions) =>
  [...cacheOf(ctx).results.values()].filter((e) => e.version !== versionOf(e.aggregate, versions));

/** How many cached results the current data has made stale. */
export async function staleStats(ctx: DbContext): Promise<number> {
  return staleEntries(ctx, await dataVersions(ctx)).length;
}

/**
 * Recomputes the cached results the data has changed under, most recently stored first, at
 * most `limit` of them, one at a time.
 * @returns how many were recomputed
 */
export async function refreshStaleStats(
  ctx: DbContext,
  { limit = 20, versions }: { limit?: number; versions?: DataVersions } = {},
): Promise<number> {
  const current = versions ?? (await dataVersions(ctx));
  const stale = staleEntries(ctx, current).reverse().slice(0, limit);
  for (const entry of stale) {
    await computeOnce(ctx, entry.aggregate, versionOf(entry.aggregate, current));
  }
  return stale.length;
}

/**
 * Checks the data versions every `intervalMs`; once they are the same at two checks in a row
 * (an import has finished, not still writing batches), recomputes the stale cached results.
 * @returns a function that stops the loop
 */
export function startStatsRefresh(
  ctx: DbContext,
  { intervalMs, logger }: { intervalMs: number; logger: Logger },
): () => void {
  let previous = '';
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      const versions = await dataVersions(ctx);
      const now = JSON.stringify(versions);
      if (now === previous && staleEntries(ctx, versions).length > 0) {
        const started = performance.now();
        const refreshed = await refreshStaleStats(ctx, { versions });
        logger.info(
          { refreshed, ms: Math.round(performance.now() - started) },
          'refreshed cached aggregates after a change',
        );
      }
      previous = now;
    } catch (error) {
      logger.warn({ err: error }, 'could not refresh cached aggregates');
    }
    if (!stopped) schedule();
  };
  const schedule = () => {
    timer = setTimeout(() => void tick(), intervalMs);
    timer.unref();
  };
  schedule();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
