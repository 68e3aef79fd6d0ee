/** `recgraph export stats`: recommendationStats as CSV, to a file or stdout. */
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../db/run.ts';
import {
  STATS_DIMENSIONS,
  coverageBuckets,
  coverageMatrix,
  recommendationStats,
  type StatsDimension,
} from '../features/recommendations/index.ts';
import { writeOutput } from './output.ts';

/**
 * Writes one CSV row per bucket: a column per dimension (lower-case), then `count`.
 * @returns the number of buckets
 * @throws Error naming the allowed dimensions when one is unknown
 */
export async function exportStatsCommand(
  db: Db,
  options: {
    groupBy: string;
    state?: string[];
    mechanism?: string[];
    /** The coverage matrix: up to three dimensions, with columns with_action and coverage. */
    coverage?: boolean;
    out?: string | undefined;
  },
): Promise<number> {
  const groupBy = options.groupBy.split(',').map((d) => d.trim().toUpperCase());
  const bad = groupBy.find((d) => !(STATS_DIMENSIONS as readonly string[]).includes(d));
  if (bad !== undefined) {
    throw new Error(`--group-by ${bad}: one or two of ${STATS_DIMENSIONS.join(', ')}`);
  }
  const request = {
    ctx: { db },
    filter: {
      ...(options.state?.length ? { states: options.state } : {}),
      ...(options.mechanism?.length ? { mechanisms: options.mechanism } : {}),
    },
    groupBy: groupBy as StatsDimension[],
  };
  const buckets = options.coverage
    ? coverageBuckets(await coverageMatrix(request))
    : await recommendationStats(request);
  const measures = options.coverage ? ['count', 'with_action', 'coverage'] : ['count'];
  const csv = stringify([
    [...groupBy.map((d) => d.toLowerCase()), ...measures],
    ...buckets.map((b) => [
      ...b.keys.map((k) => k ?? ''),
      b.count,
      ...(options.coverage ? [b.withAction ?? 0, ((b.withAction ?? 0) / b.count).toFixed(4)] : []),
    ]),
  ]);
  await writeOutput(options.out, [csv]);
  return buckets.length;
}
