/**
 * `recgraph db start|stop|status` (the local embedded Neo4j), `recgraph migrate` and
 * `recgraph demo`: the store itself.
 */
import type { Command } from 'commander';
import { embeddedStatus, launcherLogPath, startEmbedded, stopEmbedded } from '../db/embedded.ts';
import { seedDemoFollowUp } from '../features/follow-ups/index.ts';
import { loadDemoData } from '../features/imports/index.ts';
import { cliContext, withDatabase } from './with-database.ts';

export function registerDbCommands(program: Command): void {
  const db = program
    .command('db')
    .description('manage the local embedded Neo4j (ignored when NEO4J_URI is set)');
  db.command('start')
    .description('start the embedded Neo4j in the background, or report the running one')
    .action(async () => {
      const { config, logger } = cliContext();
      const handle = await startEmbedded(config.neo4j.embedded, logger);
      console.log(
        `${handle.started ? 'started' : 'already running'}: ${handle.uri} (pid ${handle.pid}, store ${config.neo4j.embedded.dataDir})`,
      );
    });
  db.command('stop')
    .description('stop the embedded Neo4j cleanly')
    .action(async () => {
      const { config, logger } = cliContext();
      const stopped = await stopEmbedded(config.neo4j.embedded.dataDir, logger);
      console.log(stopped ? 'stopped' : 'not running');
    });
  db.command('status')
    .description('report whether the embedded Neo4j is running (exit 3 when it is not)')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { config } = cliContext();
      const status = await embeddedStatus(config.neo4j.embedded.dataDir);
      if (options.json) console.log(JSON.stringify(status));
      else if (status.running)
        console.log(
          `running: ${status.uri} (pid ${status.pid}, since ${status.startedAt}, store ${status.dataDir})`,
        );
      else
        console.log(
          `not running (store ${status.dataDir}, log ${launcherLogPath(status.dataDir)})`,
        );
      if (!status.running) process.exitCode = 3;
    });

  program
    .command('migrate')
    .description('apply pending migrations (constraints, indexes, reference data)')
    .action(async () => {
      // Connecting applies them: what it reports is what this run did.
      const { applied, skipped } = await withDatabase(({ migrations }) =>
        Promise.resolve(migrations),
      );
      console.log(`migrations applied: ${applied.length}, already applied: ${skipped.length}`);
    });

  program
    .command('demo')
    .description(
      'load the demo datasets (Slovenia, UPR cycles 2-4; CLADEM) even when the graph has recommendations',
    )
    .action(async () => {
      const summary = await withDatabase(async ({ db }, { logger }) => {
        const loaded = await loadDemoData({ db }, logger);
        await seedDemoFollowUp({ db }, logger);
        return loaded;
      });
      console.log(
        `demo dataset: created ${summary.created}, updated ${summary.updated}, unchanged ${summary.unchanged}`,
      );
    });
}
