/**
 * `recgraph <command>`: thin wrappers over the features. Every command that needs the database
 * uses the same defaults as `npm start` (NEO4J_URI, else the embedded Neo4j, started or reused).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { authOptions } from '../auth/secret.ts';
import { ROLES, signToken, type SignedRole } from '../auth/viewer.ts';
import { bootstrap } from '../server/bootstrap.ts';
import { loadConfig, PROJECT_ROOT } from '../core/config.ts';
import { embeddedStatus, launcherLogPath, startEmbedded, stopEmbedded } from '../db/embedded.ts';
import { migrate } from '../db/migrate.ts';
import { refreshAllClusterSignals } from '../features/analytics-store/index.ts';
import {
  ENCODINGS,
  FORMAT_NAMES,
  loadDemoData,
  type Encoding,
  type FormatName,
} from '../features/imports/index.ts';
import {
  REPORT_FORMATS,
  seedDemoFollowUp,
  type ReportFormat,
} from '../features/follow-ups/index.ts';
import { CODE_MIGRATIONS } from '../server/migrations.ts';
import { createLogger } from '../core/logger.ts';
import { exportFollowUpCommand } from './follow-up.ts';
import { exportStatsCommand } from './stats.ts';
import { exportCommand, importCommand } from './import.ts';
import { detectCommand, exportOverlapsCommand } from './overlaps.ts';
import { staleSchemaFiles, writeSchema } from './print-schema.ts';
import { Option } from 'commander';

const { version } = JSON.parse(
  fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'),
) as { version: string };

const program = new Command('recgraph')
  .description('A GraphQL API over a Neo4j graph of human-rights recommendations')
  .version(version)
  // Options belong to the command they follow (`export --format` vs `export followup --format`).
  .enablePositionalOptions()
  .showHelpAfterError();

const context = () => {
  const config = loadConfig();
  return { config, logger: createLogger(config.logLevel, { stream: 'stderr' }) };
};

program
  .command('serve')
  .description('serve the GraphQL API (same as npm start)')
  .action(async () => {
    await import('../main.ts');
  });

const db = program
  .command('db')
  .description('manage the local embedded Neo4j (ignored when NEO4J_URI is set)');
db.command('start')
  .description('start the embedded Neo4j in the background, or report the running one')
  .action(async () => {
    const { config, logger } = context();
    const handle = await startEmbedded(config.neo4j.embedded, logger);
    console.log(
      `${handle.started ? 'started' : 'already running'}: ${handle.uri} (pid ${handle.pid}, store ${config.neo4j.embedded.dataDir})`,
    );
  });
db.command('stop')
  .description('stop the embedded Neo4j cleanly')
  .action(async () => {
    const { config, logger } = context();
    const stopped = await stopEmbedded(config.neo4j.embedded.dataDir, logger);
    console.log(stopped ? 'stopped' : 'not running');
  });
db.command('status')
  .description('report whether the embedded Neo4j is running (exit 3 when it is not)')
  .option('--json', 'print JSON')
  .action(async (options: { json?: boolean }) => {
    const { config } = context();
    const status = await embeddedStatus(config.neo4j.embedded.dataDir);
    if (options.json) console.log(JSON.stringify(status));
    else if (status.running)
      console.log(
        `running: ${status.uri} (pid ${status.pid}, since ${status.startedAt}, store ${status.dataDir})`,
      );
    else
      console.log(`not running (store ${status.dataDir}, log ${launcherLogPath(status.dataDir)})`);
    if (!status.running) process.exitCode = 3;
  });

program
  .command('migrate')
  .description('apply pending migrations (constraints, indexes, reference data)')
  .action(async () => {
    const { config, logger } = context();
    const { driver, db: database } = await bootstrap(config, logger, { demoData: false });
    try {
      const result = await migrate(database, logger, CODE_MIGRATIONS);
      console.log(
        `migrations applied: ${result.applied.length}, already applied: ${result.skipped.length}`,
      );
    } finally {
      await driver.close();
    }
  });

program
  .command('demo')
  .description(
    'load the demo dataset (Slovenia, UPR cycles 2-4) even when the graph has recommendations',
  )
  .action(async () => {
    const { config, logger } = context();
    const { driver, db: database } = await bootstrap(config, logger, { demoData: false });
    try {
      const summary = await loadDemoData({ db: database }, logger);
      await seedDemoFollowUp({ db: database }, logger);
      console.log(
        `demo dataset: created ${summary.created}, updated ${summary.updated}, unchanged ${summary.unchanged}`,
      );
    } finally {
      await driver.close();
    }
  });

program
  .command('import')
  .description('import recommendation files (the format is detected when --format is omitted)')
  .argument('<files...>', 'files to import')
  .addOption(new Option('--format <format>', "the files' format").choices(FORMAT_NAMES))
  .option('--json', 'print the summary as JSON on the last line')
  .option('--strict', 'write nothing when any row is rejected')
  .option('--dry-run', 'validate only; write nothing')
  .addOption(
    new Option('--encoding <encoding>', 'text encoding of CSV files')
      .choices(ENCODINGS)
      .default('utf8'),
  )
  .action(
    async (
      files: string[],
      options: {
        format?: FormatName;
        json?: boolean;
        strict?: boolean;
        dryRun?: boolean;
        encoding?: Encoding;
      },
    ) => {
      const { config, logger } = context();
      const { driver, db: database } = await bootstrap(config, logger, { demoData: false });
      try {
        process.exitCode = await importCommand(database, files, options);
      } finally {
        await driver.close();
      }
    },
  );

const exportCommands = program
  .command('export')
  .enablePositionalOptions()
  .description(
    "write every recommendation as canonical NDJSON (re-importable as it is); `export followup` writes a state's follow-up report",
  )
  .addOption(new Option('--format <format>', 'output format').choices(['ndjson']).default('ndjson'))
  .option('--out <file>', 'write to a file instead of stdout')
  .action(async (options: { out?: string }) => {
    const { config, logger } = context();
    const { driver, db: database } = await bootstrap(config, logger, { demoData: false });
    try {
      const count = await exportCommand(database, options.out);
      if (options.out) console.error(`exported ${count} recommendations to ${options.out}`);
    } finally {
      await driver.close();
    }
  });

exportCommands
  .command('followup')
  .description(
    "a state's follow-up report: its recommendations grouped by overlap cluster, with actions, agencies, status, deadlines and latest progress",
  )
  .requiredOption('--state <iso3>', 'the state (ISO 3166 alpha-3, e.g. SVN)')
  .addOption(
    new Option('--format <format>', 'csv, md (Markdown) or xlsx')
      .choices(REPORT_FORMATS)
      .default('md'),
  )
  .option('--out <file>', 'write to a file (default: stdout; xlsx: follow-up-<STATE>-<date>.xlsx)')
  .action(async (options: { state: string; format: ReportFormat; out?: string }) => {
    const { config, logger } = context();
    const { driver, db: database } = await bootstrap(config, logger, { demoData: false });
    try {
      const written = await exportFollowUpCommand(database, options);
      if (written) console.error(`wrote ${written}`);
    } finally {
      await driver.close();
    }
  });

exportCommands
  .command('stats')
  .description(
    'recommendation counts by one or two dimensions as CSV (what recommendationStats returns)',
  )
  .requiredOption(
    '--group-by <dimensions>',
    'one or two of STATE, REGION, MECHANISM, THEME, SDG_GOAL, RESPONSE, YEAR, CYCLE, ACTION_STATUS, ASSESSMENT, REPEATS, comma-separated',
  )
  .option('--state <iso3...>', 'only recommendations to these states')
  .option('--mechanism <code...>', 'only recommendations of these mechanisms')
  .option(
    '--coverage',
    'the coverage matrix: up to three dimensions (e.g. STATE,THEME,MECHANISM), with the share addressed by an action',
  )
  .option('--out <file>', 'write to a file instead of stdout')
  .action(
    async (options: {
      groupBy: string;
      state?: string[];
      mechanism?: string[];
      coverage?: boolean;
      out?: string;
    }) => {
      const { config, logger } = context();
      const { driver, db: database } = await bootstrap(config, logger, { demoData: false });
      try {
        const count = await exportStatsCommand(database, options);
        if (options.out) console.error(`wrote ${count} buckets to ${options.out}`);
      } finally {
        await driver.close();
      }
    },
  );

const overlaps = program
  .command('overlaps')
  .description('overlapping and repeated recommendations (see docs/overlaps.md)');
overlaps
  .command('detect')
  .description("compare the recommendations not yet compared against all of their state's")
  .option('--full', 'rebuild: drop the suggested links (reviewed ones stay) and compare everything')
  .option('--json', 'print the summary as JSON (last line)')
  .action(async (options: { full?: boolean; json?: boolean }) => {
    const { config, logger } = context();
    const { driver, db: database } = await bootstrap(config, logger, { demoData: false });
    try {
      await detectCommand(database, options);
    } finally {
      await driver.close();
    }
  });
overlaps
  .command('export')
  .description('write every stored pair as CSV: a_id,b_id,score,kind,methods,status')
  .addOption(new Option('--format <format>', 'output format').choices(['csv']).default('csv'))
  .option('--out <file>', 'write to a file instead of stdout')
  .action(async (options: { out?: string }) => {
    const { config, logger } = context();
    const { driver, db: database } = await bootstrap(config, logger, { demoData: false });
    try {
      const count = await exportOverlapsCommand(database, options.out);
      if (options.out) console.error(`exported ${count} pairs to ${options.out}`);
    } finally {
      await driver.close();
    }
  });

program
  .command('analytics')
  .description('analytics precomputations (docs/analytics.md)')
  .command('refresh')
  .description(
    'recompute the signals of non-implementation stored on every overlap cluster (changes through recgraph keep them current; run this after editing the graph by other means)',
  )
  .action(async () => {
    const { config, logger } = context();
    const { driver, db: database } = await bootstrap(config, logger, { demoData: false });
    try {
      const started = performance.now();
      const result = await refreshAllClusterSignals({ db: database });
      console.log(
        `refreshed ${result.clusters} clusters of ${result.states} states in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    } finally {
      await driver.close();
    }
  });

program
  .command('token')
  .description(
    'print a bearer token signed with the local development secret (or RECGRAPH_JWT_SECRET); the token is the last line',
  )
  .addOption(new Option('--role <role>', 'the role it grants').choices(ROLES).makeOptionMandatory())
  .option('--state <iso3...>', 'states a COMMITTEE token works for', [])
  .option('--name <name>', 'who it names (reviewedBy, audit entries)')
  .option('--expires <duration>', 'how long it is valid ("12h", "30d")', '12h')
  .action(
    async (options: { role: SignedRole; state: string[]; name?: string; expires: string }) => {
      const { config } = context();
      // The secret the server verifies with (none when it takes tokens from a JWKS).
      const secret = authOptions(config.auth).jwtSecret;
      if (!secret) {
        throw new Error(
          'RECGRAPH_JWKS_URL is set: tokens come from that identity provider, not from recgraph',
        );
      }
      const states = options.state.map((s) => s.toUpperCase());
      const bad = states.find((s) => !/^[A-Z]{3}$/u.test(s));
      if (bad) throw new Error(`--state ${bad}: expected an ISO 3166 alpha-3 code such as SVN`);
      if (options.role === 'COMMITTEE' && states.length === 0) {
        throw new Error('a COMMITTEE token needs at least one --state');
      }
      const name =
        options.name ??
        `${options.role.toLowerCase()}${states.length ? `-${states.join('-')}` : ''}`;
      console.error(
        `role ${options.role}${states.length ? `, states ${states.join(' ')}` : ''}, name ${name}, valid ${options.expires}; send as "Authorization: Bearer <token>"`,
      );
      console.log(
        await signToken({ secret, role: options.role, states, name, expiresIn: options.expires }),
      );
    },
  );

const schema = program
  .command('schema')
  .description('the printed GraphQL SDL in schema/schema.graphql');
schema
  .command('print')
  .description('write schema/schema.graphql')
  .action(() => {
    writeSchema();
    console.log('wrote schema/schema.graphql and schema/recommendation.schema.json');
  });
schema
  .command('check')
  .description('fail when schema/schema.graphql is stale')
  .action(() => {
    const stale = staleSchemaFiles();
    if (stale.length) {
      console.error(`${stale.join(', ')} stale: run npm run schema:print`);
      process.exitCode = 1;
    } else console.log('schema/ is current');
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`recgraph: ${(error as Error).message}`);
  process.exitCode = 1;
}
