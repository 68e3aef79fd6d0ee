/** `recgraph analytics refresh`: the analytics precomputations (docs/analytics.md). */
import type { Command } from 'commander';
import { refreshAllClusterSignals } from '../features/analytics-store/index.ts';
import { withDatabase } from './with-database.ts';

export function registerAnalyticsCommands(program: Command): void {
  program
    .command('analytics')
    .description('analytics precomputations (docs/analytics.md)')
    .command('refresh')
    .description(
      'recompute the signals of non-implementation stored on every overlap cluster (changes through recgraph keep them current; run this after editing the graph by other means)',
    )
    .action(async () => {
      const { result, ms } = await withDatabase(async ({ db }) => {
        // The refresh alone, not connecting to (or starting) Neo4j.
        const started = performance.now();
        return { result: await refreshAllClusterSignals({ db }), ms: performance.now() - started };
      });
      console.log(
        `refreshed ${result.clusters} clusters of ${result.states} states in ${(ms / 1000).toFixed(1)} s`,
      );
    });
}
