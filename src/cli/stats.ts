/** `recgraph export stats`: recommendationStats as CSV, to a file or stdout. */
import { stringify } from 'csv-stringify/sync';
import type { Command } from 'commander';
import type { Db } from '../db/run.ts';
import {
  STATS_DIMENSIONS,
  coverageBuckets,
  coverageMatrix,
  recommendationStats,
  type StatsDimension,
} from '../features/recommendations/index.ts';
import { writeOutput } from './output.ts';
import { withDatabase } from './with-database.ts';

type StatsCommandOptions = Parameters<typeof exportStatsCommand>[1];

/** Registers `export stats` under the `export` command. */
export function registerStatsCommands(exportCommand: Command): void {
  exportCommand
    .command('stats')
    .description(
      'recommendation counts by one or two dimensions as CSV (what recommendationStats returns)',
    )
    .requiredOption(
      '--group-by <dimensions>',
      `one or two of ${STATS_DIMENSIONS.join(', ')}, comma-separated`,
    )
    .option('--state <iso3...>', 'only recommendations to these states')
    .option('--mechanism <code...>', 'only recommendations of these mechanisms')
    .option(
      '--coverage',
      'the coverage matrix: up to three dimensions (e.g. STATE,THEME,MECHANISM), with the share addressed by an action',
    )
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (options: StatsCommandOptions) => {
      const count = await withDatabase(({ db }) => exportStatsCommand(db, options));
      if (options.out) console.error(`wrote ${count} buckets to ${options.out}`);
    });
}

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
    filter: {
      ...(options.state?.length ? { states: options.state } : {}),
      ...(options.mechanism?.length ? { mechanisms: options.mechanism } : {}),
    },
    groupBy: groupBy as StatsDimension[],
  };
  const buckets = options.coverage
    ? coverageBuckets(await coverageMatrix({ db }, request))
    : await recommendationStats({ db }, request);
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
