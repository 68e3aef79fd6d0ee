import { z } from 'zod';
import type { Context, DbContext } from '../../graphql/context.ts';
import { requirePermission } from '../../auth/viewer.ts';
import { InvalidInputError, NotFoundError } from '../../core/errors.ts';
import { isLanguageCode } from '../../core/language.ts';
import { recordAudit } from '../audit/index.ts';
import { storedId } from '../../core/global-id.ts';
import {
  pageRequest,
  toConnection,
  type Connection,
  type PageArgs,
} from '../../core/pagination.ts';
import { groupedByKeys } from '../../core/by-keys.ts';
import * as repository from './recommendation.repository.ts';
import type { Recommendation, RecommendationQuery } from './recommendation.repository.ts';
import { requestVersions } from '../analytics-store/index.ts';
import { cachedStats, type StatsRequest } from './stats-cache.ts';
import { toLuceneQuery } from './text-query.ts';
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
    languages: z
      .array(
        z
          .string()
          .trim()
          .toLowerCase()
          .refine(isLanguageCode, 'not an ISO 639-1 language code ("es")'),
      )
      .max(MAX_LIST)
      .nullish(),
    text: z
      .string()
      .trim()
      .min(1, 'text must not be empty')
      .max(1000)
      .transform(toLuceneQuery)
      .refine((query) => query !== '', 'text has no word to search for')
      .nullish(),
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
    languages: list(f.languages?.filter((code, i, all) => all.indexOf(code) === i)),
    text: f.text ?? undefined,
  };
}

/** One page of recommendations matching `filter`, ordered by id; totalCount is counted on demand. */
export async function listRecommendations(
  ctx: Context,
  { filter, ...page }: { filter?: RecommendationFilter } & PageArgs,
): Promise<Connection<Recommendation>> {
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
export function pledgesOf(ctx: DbContext, state: string) {
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

/** What the recommendation counts are asked for: the filter and the dimensions to count by. */
export interface StatsArgs {
  readonly filter?: RecommendationFilter;
  readonly groupBy: readonly repository.StatsDimension[];
}

/**
 * How many recommendations match the filter, by one or two dimensions: one bucket per
 * combination of values, largest first. A recommendation with several values of a dimension
 * (themes, SDG goals, action statuses) counts once under each; one with none, under null.
 */
export function recommendationStats(
  ctx: DbContext,
  args: StatsArgs,
): Promise<repository.StatsBucket[]> {
  return cachedStats(ctx, statsRequest({ ...args, maxDimensions: 2, addressed: false }));
}

/**
 * A coverage matrix: the cells of recommendationStats (largest first) and, per cell, how many
 * of its recommendations at least one follow-up action addresses.
 */
export interface CoverageMatrix {
  readonly cells: repository.StatsBucket[];
  readonly withAction: number[];
}

/**
 * The coverage matrix by up to three dimensions (by default state x theme x mechanism). The
 * counts and the addressed counts are cached apart: a follow-up change recomputes only the
 * second, which starts from the actions and reads few rows, and merging it costs a lookup per
 * addressed cell.
 */
export async function coverageMatrix(ctx: DbContext, args: StatsArgs): Promise<CoverageMatrix> {
  const countsRequest = statsRequest({ ...args, maxDimensions: 3, addressed: false });
  const versions = await requestVersions(ctx); // the same for both
  const cells = await cachedStats(ctx, countsRequest, versions);
  const addressed = await cachedStats(ctx, { ...countsRequest, addressed: true }, versions);
  const merged = MERGED.get(cells);
  if (merged?.addressed === addressed) return merged.matrix;
  let index = CELL_INDEX.get(cells);
  if (!index) {
    index = new Map(cells.map((b, i) => [JSON.stringify(b.keys), i]));
    CELL_INDEX.set(cells, index);
  }
  const withAction = new Array<number>(cells.length).fill(0);
  for (const b of addressed) {
    const i = index.get(JSON.stringify(b.keys));
    // A cell missing from the counts means an import landed between the two reads; the next
    // request, under the new versions, recomputes both.
    if (i !== undefined) withAction[i] = b.count;
  }
  const matrix = { cells, withAction };
  MERGED.set(cells, { addressed, matrix });
  return matrix;
}

/**
 * A coverage matrix's cells in columns: cell i has, for each dimension d, the value
 * `axes[d][positions[d][i]]`, and `count[i]` recommendations. Lists of numbers cost GraphQL far
 * less than one object per cell (docs/analytics.md).
 */
export interface CoverageColumns {
  readonly axes: (string | null)[][];
  readonly positions: number[][];
  readonly count: number[];
}

/** The columns of a coverage matrix's cells, computed once per (cached) set of cells. */
export function coverageColumns(
  cells: repository.StatsBucket[],
  dimensions: number,
): CoverageColumns {
  const known = COLUMNS.get(cells);
  if (known) return known;
  const axes = Array.from({ length: dimensions }, (_, d) =>
    [...new Set(cells.map((b) => b.keys[d] ?? null))].sort((x, y) =>
      x === null ? 1 : y === null ? -1 : x < y ? -1 : x > y ? 1 : 0,
    ),
  );
  const index = axes.map((values) => new Map(values.map((value, i) => [value, i])));
  const columns = {
    axes,
    positions: index.map((byValue, d) => cells.map((b) => byValue.get(b.keys[d] ?? null)!)),
    count: cells.map((b) => b.count),
  };
  COLUMNS.set(cells, columns);
  return columns;
}

/** The first `first` cells (all when omitted) as buckets with withAction. */
export function coverageBuckets(
  matrix: CoverageMatrix,
  first?: number | null,
): repository.StatsBucket[] {
  const cells = first == null ? matrix.cells : matrix.cells.slice(0, first);
  // A literal of one shape, not a spread: this runs for every cell (35,000 at 300k).
  return cells.map((b, i) => ({
    keys: b.keys,
    count: b.count,
    withAction: matrix.withAction[i] ?? 0,
  }));
}

// Derived from cached results, kept as long as those are.
const COLUMNS = new WeakMap<repository.StatsBucket[], CoverageColumns>();
const CELL_INDEX = new WeakMap<repository.StatsBucket[], Map<string, number>>();
const MERGED = new WeakMap<
  repository.StatsBucket[],
  { addressed: repository.StatsBucket[]; matrix: CoverageMatrix }
>();

/** Checks the grouping and builds the cache's request. */
function statsRequest({
  filter,
  groupBy,
  maxDimensions,
  addressed,
}: {
  filter?: RecommendationFilter;
  groupBy: readonly repository.StatsDimension[];
  maxDimensions: number;
  addressed: boolean;
}): StatsRequest {
  if (groupBy.length < 1 || groupBy.length > maxDimensions) {
    throw new InvalidInputError(
      `groupBy takes one to ${maxDimensions === 2 ? 'two' : 'three'} dimensions`,
      'groupBy',
    );
  }
  if (new Set(groupBy).size !== groupBy.length) {
    throw new InvalidInputError('groupBy names a dimension twice', 'groupBy');
  }
  return { query: toQuery(filter), groupBy, addressed };
}
