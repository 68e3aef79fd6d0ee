/**
 * `recgraph <command>`: thin wrappers over the features, one file per command group. Every
 * command that needs the database uses the same defaults as `npm start` (with-database.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { PROJECT_ROOT } from '../core/config.ts';
import { registerAnalyticsCommands } from './analytics.ts';
import { registerDbCommands } from './db.ts';
import { registerFollowUpCommands } from './follow-up.ts';
import { registerImportCommands } from './import.ts';
import { registerJurisprudenceCommands } from './jurisprudence.ts';
import { registerOverlapCommands } from './overlaps.ts';
import { registerEmbedCommand } from './embed.ts';
import { registerSchemaCommands } from './schema.ts';
import { registerStatsCommands } from './stats.ts';
import { registerTokenCommand } from './token.ts';

const { version } = JSON.parse(
  fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'),
) as { version: string };

const program = new Command('recgraph')
  .description('A GraphQL API over a Neo4j graph of human-rights recommendations')
  .version(version)
  // Options belong to the command they follow (`export --format` vs `export followup --format`).
  .enablePositionalOptions()
  .showHelpAfterError();

program
  .command('serve')
  .description('serve the GraphQL API (same as npm start)')
  .action(async () => {
    await import('../main.ts');
  });
registerDbCommands(program);
const exportCommand = registerImportCommands(program);
registerFollowUpCommands(exportCommand);
registerStatsCommands(exportCommand);
registerOverlapCommands(program);
registerEmbedCommand(program);
registerJurisprudenceCommands(program);
registerAnalyticsCommands(program);
registerTokenCommand(program);
registerSchemaCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`recgraph: ${(error as Error).message}`);
  process.exitCode = 1;
}
