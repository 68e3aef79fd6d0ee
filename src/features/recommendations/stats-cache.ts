/**
 * The cache of recommendationStats and coverageMatrix results. Each result is filed with the
 * versions of the data parts it read (docs/analytics.md, "Aggregates for dashboards") and served
 * while they hold. After a change, `refreshStaleStats` recomputes the results it made stale, most
 * recently stored first, so that the next request does not wait; `startStatsRefresh` does that
 * in the background once the data has stopped changing (`npm start`).
 */
import type { DbContext } from '../../context.ts';
import type { Logger } from '../../logger.ts';
import { dataVersions, type DataPart, type DataVersions } from '../shared/data-versions.ts';
import * as repository from './recommendation.repository.ts';
import type {
  RecommendationQuery,
  StatsBucket,
  StatsDimension,
} from './recommendation.repository.ts';

/** What one cached result answers. */
export interface StatsRequest {
  readonly query: RecommendationQuery;
  readonly groupBy: readonly StatsDimension[];
  /** Only the recommendations a follow-up action addresses (the coverage matrix). */
  readonly addressed: boolean;
}

type Versions = DataVersions;

interface Entry {
  readonly request: StatsRequest;
  readonly version: string;
  readonly rows: StatsBucket[];
}

/** Distinct requests whose results are kept in memory; the least recently stored go first. */
const CACHE_SIZE = 500;

/**
 * One database's results and computations under way. Kept per database (`Db.identity`), so that
 * a process serving two databases never answers from the other's figures.
 */
interface Cache {
  /** Results by request, kept while the versions of the data parts they read hold. */
  readonly results: Map<string, Entry>;
  /**
   * Computations under way, by request: a request that finds its own under way for the same
   * versions waits for it instead of running the aggregation again (a dashboard's viewers, or
   * the background refresh, asking for the same figures at once after a change).
   */
  readonly computing: Map<
    string,
    { readonly version: string; readonly rows: Promise<StatsBucket[]> }
  >;
}

const CACHES = new WeakMap<object, Cache>();

/** The default, as `RECGRAPH_STATS_MAX_STALENESS_MS`'s (config.ts). */
let maxStalenessMs = 1_000;

/**
 * How long after another process changed the data (a CLI import, another server) requests may
 * still be served the figures cached before: the data versions a request checks are reused for
 * that long, so most requests for cached figures do not wait on the database at all. A change
 * made through this process is seen at once whatever the setting (`dataVersions`); 0 reads the
 * versions on every request.
 */
export function setStatsMaxStaleness(ms: number): void {
  if (!Number.isFinite(ms) || ms < 0)
    throw new RangeError(`max staleness ${ms}: must be 0 or more`);
  maxStalenessMs = ms;
}

/** The data versions a request for cached figures goes by (see `setStatsMaxStaleness`). */
export const requestVersions = (ctx: DbContext): Promise<Versions> =>
  dataVersions(ctx, { maxAgeMs: maxStalenessMs });

function cacheOf(ctx: DbContext): Cache {
  let cache = CACHES.get(ctx.db.identity);
  if (!cache) CACHES.set(ctx.db.identity, (cache = { results: new Map(), computing: new Map() }));
  return cache;
}

/**
 * The parts of the data a request reads: always the recommendations; follow-up data for
 * ACTION_STATUS, ASSESSMENT and the addressed counts; REPEATS links for REPEATS.
 */
function partsOf({ groupBy, addressed }: StatsRequest): DataPart[] {
  const parts: DataPart[] = ['recommendations'];
  if (addressed || groupBy.some((d) => d === 'ACTION_STATUS' || d === 'ASSESSMENT')) {
    parts.push('follow-up');
  }
  if (groupBy.includes('REPEATS')) parts.push('overlaps');
  return parts;
}

const versionOf = (request: StatsRequest, versions: Versions) =>
  partsOf(request)
    .map((part) => versions[part])
    .join('.');

const keyOf = ({ query, groupBy, addressed }: StatsRequest) =>
  JSON.stringify([query, groupBy, addressed]);

/** The request's buckets at `version`: joins the computation under way, or starts one. */
function computeOnce(ctx: DbContext, request: StatsRequest, version: string) {
  const { computing } = cacheOf(ctx);
  const key = keyOf(request);
  const running = computing.get(key);
  if (running?.version === version) return running.rows;
  const rows = compute(ctx, request, version).finally(() => {
    if (computing.get(key)?.rows === rows) computing.delete(key);
  });
  computing.set(key, { version, rows });
  return rows;
}

/** Computes the request's buckets and files them, unless a change landed meanwhile. */
async function compute(ctx: DbContext, request: StatsRequest, version: string) {
  const { query, groupBy, addressed } = request;
  const rows = await repository.findRecommendationStats(ctx, query, groupBy, { addressed });
  // Filed only if no change landed meanwhile, so a result is never filed under a newer version.
  if (versionOf(request, await dataVersions(ctx)) === version) {
    const { results } = cacheOf(ctx);
    const key = keyOf(request);
    results.delete(key);
    results.set(key, { request, version, rows });
    if (results.size > CACHE_SIZE) results.delete(results.keys().next().value!);
  }
  return rows;
}

/**
 * The request's buckets: from the cache while the data they read is unchanged, else computed.
 * @param versions the data versions, when the caller has just got them from `requestVersions`
 */
export async function cachedStats(
  ctx: DbContext,
  request: StatsRequest,
  versions?: Versions,
): Promise<StatsBucket[]> {
  const version = versionOf(request, versions ?? (await requestVersions(ctx)));
  const cached = cacheOf(ctx).results.get(keyOf(request));
  if (cached?.version === version) return cached.rows;
  return computeOnce(ctx, request, version);
}

/** The cached results the data (at `versions`) has changed under, oldest stored first. */
const staleEntries = (ctx: DbContext, versions: Versions) =>
  [...cacheOf(ctx).results.values()].filter((e) => e.version !== versionOf(e.request, versions));

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
  { limit = 20, versions }: { limit?: number; versions?: Versions } = {},
): Promise<number> {
  const current = versions ?? (await dataVersions(ctx));
  const stale = staleEntries(ctx, current).reverse().slice(0, limit);
  for (const entry of stale) {
    await computeOnce(ctx, entry.request, versionOf(entry.request, current));
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
