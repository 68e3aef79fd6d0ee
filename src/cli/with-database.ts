/**
 * What every CLI command that needs the graph does around its work: read the configuration,
 * connect with the same defaults as `npm start` (NEO4J_URI, else the embedded Neo4j, started or
 * reused), apply pending migrations, run the command, and close the driver whatever happens.
 */
import { loadConfig, type Config } from '../core/config.ts';
import { createLogger, type Logger } from '../core/logger.ts';
import { bootstrap, type Bootstrapped } from '../server/bootstrap.ts';

export interface CliContext {
  readonly config: Config;
  /** JSON log lines on stderr: stdout carries the command's output. */
  readonly logger: Logger;
}

/** The configuration and a logger, for commands that do not need the database. */
export function cliContext(): CliContext {
  const config = loadConfig();
  return { config, logger: createLogger(config.logLevel, { stream: 'stderr' }) };
}

/**
 * Runs `fn` against a bootstrapped database (migrated; the demo dataset is never loaded here, so
 * that a command sees the graph as it is) and closes the driver afterwards.
 * @example await withDatabase(({ db }) => exportCommand(db, options.out));
 */
export async function withDatabase<T>(
  fn: (database: Bootstrapped, context: CliContext) => Promise<T>,
): Promise<T> {
  const context = cliContext();
  const database = await bootstrap(context.config, context.logger, { demoData: false });
  try {
    return await fn(database, context);
  } finally {
    await database.driver.close();
  }
}
