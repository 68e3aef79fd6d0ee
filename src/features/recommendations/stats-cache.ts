/**
 * recommendationStats and coverageMatrix results as cached aggregates (analytics-store/aggregate-cache.ts):
 * what each reads, so that a change invalidates only what depends on it.
 */
import type { DbContext } from '../../graphql/context.ts';
import {
  cachedAggregate,
  type Aggregate,
  type DataPart,
  type DataVersions,
} from '../analytics-store/index.ts';
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

const aggregateOf = (request: StatsRequest): Aggregate<StatsBucket[]> => {
  const { query, groupBy, addressed } = request;
  return {
    key: JSON.stringify(['recommendationStats', query, groupBy, addressed]),
    parts: partsOf(request),
    compute: (ctx) => repository.findRecommendationStats(ctx, query, groupBy, { addressed }),
  };
};

/**
 * The request's buckets: from the cache while the data they read is unchanged, else computed.
 * @param versions the data versions, when the caller has just got them from `requestVersions`
 */
export function cachedStats(
  ctx: DbContext,
  request: StatsRequest,
  versions?: DataVersions,
): Promise<StatsBucket[]> {
  return cachedAggregate(ctx, aggregateOf(request), versions);
}
