import { z } from 'zod';
import type { Context, DbContext } from '../../context.ts';
import { requirePermission } from '../../auth/viewer.ts';
import { InvalidInputError, NotFoundError } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { dataVersions, type DataPart } from '../shared/cluster-signals.ts';
import { storedId } from '../../global-id.ts';
import { pageRequest, toConnection, type Connection, type PageArgs } from '../../pagination.ts';
import { groupedByKeys } from '../shared/by-keys.ts';
import * as repository from './recommendation.repository.ts';
import type { Recommendation, RecommendationQuery } from './recommendation.repository.ts';
import { RESPONSES } from './vocabulary.ts';

const MAX_LIST = 500;
const codes = (pattern: RegExp, what: string) =>
  z
    .array(z.string().trim().regex(pattern, `not a valid ${what}`))
    .max(MAX_LIST)
    .nullish();

/** The filter as clients send it; validated here so every entry point gets the same rules. */
export const RecommendationFilterSchema = z
  .object({
    states: codes(/^[A-Za-z]{3}$/, 'ISO3 code'),
    mechanisms: codes(/^[A-Za-z][\w-]{0,31}$/, 'mechanism code'),
    themes: codes(/^\S.{0,199}$/, 'theme code'),
    affectedGroups: codes(/^\S.{0,199}$/, 'affected group code'),
    sdgGoals: codes(/^\d{1,2}$/, 'SDG goal ("5")'),
    sdgTargets: codes(/^\d{1,2}\.[0-9a-z]{1,2}$/, 'SDG target ("5.2", "16.a")'),
    cycles: z.array(z.number().int().min(1).max(99)).max(MAX_LIST).nullish(),
    responses: z.array(z.enum(RESPONSES)).max(MAX_LIST).nullish(),
    years: z
      .object({
        from: z.number().int().min(1900).max(2200).nullish(),
        to: z.number().int().min(1900).max(2200).nullish(),
      })
      .refine(
        (y) => y.from == null || y.to == null || y.from <= y.to,
        'years.from must not be after years.to',
      )
      .nullish(),
    recommendingStates: codes(/^[A-Za-z]{3}$/, 'ISO3 code'),
    text: z.string().trim().min(1, 'text must not be empty').max(1000).nullish(),
  })
  .nullish();

export type RecommendationFilter = z.input<typeof RecommendationFilterSchema>;

/**
 * Validates a client filter and normalises it (upper-case codes, empty lists dropped).
 * @throws InvalidInputError naming the first offending field
 */
export function toQuery(filter: RecommendationFilter): RecommendationQuery {
  const parsed = RecommendationFilterSchema.safeParse(filter);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.filter((p) => typeof p === 'string').join('.');
    throw new InvalidInputError(`filter.${field}: ${issue.message}`, `filter.${field}`);
  }
  const f = parsed.data ?? {};
  const upper = (values: readonly string[] | null | undefined) =>
    values?.length ? values.map((value) => value.toUpperCase()) : undefined;
  const list = <T>(values: readonly T[] | null | undefined) =>
    values?.length ? values : undefined;
  return {
    states: upper(f.states),
    mechanisms: list(f.mechanisms),
    themes: list(f.themes),
    affectedGroups: list(f.affectedGroups),
    sdgGoals: list(f.sdgGoals),
    sdgTargets: list(f.sdgTargets),
    cycles: list(f.cycles),
    responses: list(f.responses),
    years: f.years ? { from: f.years.from ?? undefined, to: f.years.to ?? undefined } : undefined,
    recommendingStates: upper(f.recommendingStates),
    text: f.text ?? undefined,
  };
}

/** One page of recommendations matching `filter`, ordered by id; totalCount is counted on demand. */
export async function listRecommendations({
  ctx,
  filter,
  ...page
}: { ctx: Context; filter?: RecommendationFilter } & PageArgs): Promise<
  Connection<Recommendation>
> {
  const query = toQuery(filter);
  const request = pageRequest(page);
  const rows =
    request.size === 0 ? [] : await repository.findRecommendationsPage(ctx, query, request);
  let count: Promise<number> | undefined;
  return toConnection(
    rows,
    request,
    (r) => r.id,
    () => (count ??= repository.countRecommendations(ctx, query)),
  );
}

/** Accepts the stable id ("A/HRC/28/15#115.1") or the global ID ("Recommendation:A/HRC/28/15#115.1"). */
export function stableIdOf(id: string): string {
  return storedId(id, 'Recommendation');
}

export const findRecommendationsByIds = ({ ctx, ids }: { ctx: Context; ids: readonly string[] }) =>
  repository.findRecommendationsByIds(ctx, ids);

export const findDocumentsBySymbols = ({
  ctx,
  symbols,
}: {
  ctx: Context;
  symbols: readonly string[];
}) => repository.findDocumentsBySymbols(ctx, symbols);

type ListLoader<T> = (
  ctx: Context,
  ids: readonly string[],
) => Promise<{ key: string; items: T[] }[]>;
const perRecommendation =
  <T>(load: ListLoader<T>) =>
  async ({ ctx, ids }: { ctx: Context; ids: readonly string[] }) =>
    groupedByKeys(ids, await load(ctx, ids));

export const recommendingStatesOf = perRecommendation(repository.findRecommendingStates);
export const themesOf = perRecommendation(repository.findThemes);
export const affectedGroupsOf = perRecommendation(repository.findAffectedGroups);
export const sdgGoalsOf = perRecommendation(repository.findSdgGoals);
export const sdgTargetsOf = perRecommendation(repository.findSdgTargets);
export const sourcesOf = perRecommendation(repository.findSources);
export const sameAsOf = perRecommendation(repository.findSameAs);

/** The voluntary pledges a state made at its reviews. */
export function pledgesOf({ ctx, state }: { ctx: DbContext; state: string }) {
  return repository.findStatePledges(ctx, state);
}

export const SAME_AS_DECISIONS = ['CONFIRMED', 'REJECTED'] as const;

/**
 * A reviewer's decision on a SAME_AS link (two records of one recommendation that cross-source
 * matching suggested). Matching never overwrites it. Needs REVIEWER or ADMIN; one audit entry,
 * under the two ids as a sorted JSON array.
 */
export async function reviewSameAs(
  ctx: Pick<Context, 'db' | 'viewer'>,
  input: {
    recommendationId: string;
    otherId: string;
    decision: (typeof SAME_AS_DECISIONS)[number];
    note?: string | null | undefined;
  },
): Promise<repository.SameAsLink> {
  requirePermission(ctx.viewer, 'reviewSameAs');
  const a = stableIdOf(input.recommendationId);
  const b = stableIdOf(input.otherId);
  if (input.note && input.note.length > 2000) {
    throw new InvalidInputError('note must be at most 2000 characters', 'note');
  }
  const entityId = JSON.stringify([a, b].sort());
  const link = await repository.reviewSameAs(
    ctx,
    {
      a,
      b,
      decision: input.decision,
      reviewer: ctx.viewer.name ?? 'unknown',
      note: input.note?.trim() || null,
    },
    (tx, change) =>
      recordAudit(tx, ctx.viewer, {
        operation: 'REVIEW_SAME_AS',
        entityType: 'SameAsLink',
        entityId,
        state: change.state,
        before: change.before,
        after: change.after,
      }),
  );
  if (!link) throw new NotFoundError('SameAsLink', entityId);
  return link;
}

/**
 * How many recommendations match the filter, by one or two dimensions: one bucket per
 * combination of values, largest first. A recommendation with several values of a dimension
 * (themes, SDG goals, action statuses) counts once under each; one with none, under null.
 */
export function recommendationStats(args: {
  ctx: DbContext;
  filter?: RecommendationFilter;
  groupBy: readonly repository.StatsDimension[];
}): Promise<repository.StatsBucket[]> {
  return cachedStats({ ...args, maxDimensions: 2, addressed: false });
}

/**
 * The coverage matrix: recommendationStats by up to three dimensions (by default state x theme x
 * mechanism) with, in each bucket, how many recommendations at least one follow-up action
 * addresses. The counts and the addressed counts are cached apart: a follow-up change
 * recomputes only the second, which starts from the actions and reads few rows.
 */
export async function coverageMatrix(args: {
  ctx: DbContext;
  filter?: RecommendationFilter;
  groupBy: readonly repository.StatsDimension[];
}): Promise<repository.StatsBucket[]> {
  const versions = await dataVersions(args.ctx); // one lookup for both
  const counts = await cachedStats({ ...args, maxDimensions: 3, addressed: false, versions });
  const addressed = await cachedStats({ ...args, maxDimensions: 3, addressed: true, versions });
  const merged = MERGED.get(counts);
  if (merged?.addressed === addressed) return merged.buckets;
  const withAction = new Map(addressed.map((b) => [JSON.stringify(b.keys), b.count]));
  const buckets = counts.map((b) => ({
    ...b,
    withAction: withAction.get(JSON.stringify(b.keys)) ?? 0,
  }));
  MERGED.set(counts, { addressed, buckets });
  return buckets;
}

/**
 * A coverage matrix in columns: cell i has, for each dimension d, the value
 * `axes[d][positions[d][i]]`, and the counts `count[i]` and `withAction[i]`. Lists of numbers
 * cost GraphQL far less than one object per cell (about 5x less on 35k cells).
 */
export interface CoverageColumns {
  readonly axes: (string | null)[][];
  readonly positions: number[][];
  readonly count: number[];
  readonly withAction: number[];
}

/** The columns of a coverage matrix's buckets, computed once per (cached) matrix. */
export function coverageColumns(
  buckets: repository.StatsBucket[],
  dimensions: number,
): CoverageColumns {
  const known = COLUMNS.get(buckets);
  if (known) return known;
  const axes = Array.from({ length: dimensions }, (_, d) =>
    [...new Set(buckets.map((b) => b.keys[d] ?? null))].sort((x, y) =>
      x === null ? 1 : y === null ? -1 : x < y ? -1 : x > y ? 1 : 0,
    ),
  );
  const index = axes.map((values) => new Map(values.map((value, i) => [value, i])));
  const columns = {
    axes,
    positions: index.map((byValue, d) => buckets.map((b) => byValue.get(b.keys[d] ?? null)!)),
    count: buckets.map((b) => b.count),
    withAction: buckets.map((b) => b.withAction ?? 0),
  };
  COLUMNS.set(buckets, columns);
  return columns;
}

const COLUMNS = new WeakMap<repository.StatsBucket[], CoverageColumns>();

/** Merged coverage matrices, by the cached counts and addressed counts they were made of. */
const MERGED = new WeakMap<
  repository.StatsBucket[],
  { addressed: repository.StatsBucket[]; buckets: repository.StatsBucket[] }
>();

/**
 * Computes buckets, or serves them from the cache while the versions of the data parts they read
 * hold. With `addressed`, counts only the recommendations a follow-up action addresses.
 */
async function cachedStats({
  ctx,
  filter,
  groupBy,
  maxDimensions,
  addressed,
  versions,
}: {
  ctx: DbContext;
  filter?: RecommendationFilter;
  groupBy: readonly repository.StatsDimension[];
  maxDimensions: number;
  addressed: boolean;
  /** The data versions when the caller has just read them. */
  versions?: Record<DataPart, number>;
}): Promise<repository.StatsBucket[]> {
  if (groupBy.length < 1 || groupBy.length > maxDimensions) {
    throw new InvalidInputError(
      `groupBy takes one to ${maxDimensions === 2 ? 'two' : 'three'} dimensions`,
      'groupBy',
    );
  }
  if (new Set(groupBy).size !== groupBy.length) {
    throw new InvalidInputError('groupBy names a dimension twice', 'groupBy');
  }
  const query = toQuery(filter);
  // The result depends on the recommendations, and on follow-up or overlap data only when a
  // dimension or `addressed` reads them: a follow-up change leaves counts by theme cached.
  const parts: DataPart[] = ['recommendations'];
  if (addressed || groupBy.some((d) => d === 'ACTION_STATUS' || d === 'ASSESSMENT')) {
    parts.push('follow-up');
  }
  if (groupBy.includes('REPEATS')) parts.push('overlaps');
  const versionOf = async (known?: Record<DataPart, number>) => {
    const current = known ?? (await dataVersions(ctx));
    return parts.map((part) => current[part]).join('.');
  };
  const version = await versionOf(versions);
  const key = JSON.stringify([query, groupBy, addressed]);
  const cached = STATS_CACHE.get(key);
  if (cached && cached.version === version) return cached.rows;
  const rows = await repository.findRecommendationStats(ctx, query, groupBy, { addressed });
  // Written only if no change landed meanwhile, so a result is never filed under a newer version.
  if ((await versionOf()) === version) {
    STATS_CACHE.delete(key);
    STATS_CACHE.set(key, { version, rows });
    if (STATS_CACHE.size > STATS_CACHE_SIZE) {
      STATS_CACHE.delete(STATS_CACHE.keys().next().value!);
    }
  }
  return rows;
}

/** Buckets by filter, grouping and measure, kept while the versions of the data parts they read hold. */
const STATS_CACHE = new Map<string, { version: string; rows: repository.StatsBucket[] }>();
/** Distinct requests whose results are kept in memory; the least recently stored go first. */
const STATS_CACHE_SIZE = 500;
