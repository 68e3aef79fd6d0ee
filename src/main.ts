/**
 * `npm start`: reads the configuration, gets Neo4j ready (see server/bootstrap.ts), serves GraphQL on
 * PORT (default 4000), and shuts down cleanly on SIGTERM/SIGINT, stopping the embedded Neo4j if
 * this process started it.
 */
import './core/production-env.ts';
import { createServer } from 'node:http';
import { createApp } from './server/app.ts';
import { authOptions } from './auth/secret.ts';
import { bootstrap } from './server/bootstrap.ts';
import { loadConfig } from './core/config.ts';
import { stopEmbedded } from './db/embedded.ts';
import {
  refreshOverdueSignals,
  setStatsMaxStaleness,
  startStatsRefresh,
} from './features/analytics-store/index.ts';
import { createLogger } from './core/logger.ts';

const started = performance.now();
const config = loadConfig();
const logger = createLogger(config.logLevel);

try {
  // An embedded Neo4j the server starts is its own: it stops with the server, even a killed one.
  const { driver, database, embedded, db } = await bootstrap(config, logger, {
    ownEmbedded: true,
  });
  setStatsMaxStaleness(config.statsMaxStalenessMs);
  const yoga = createApp({ driver, database, logger, auth: authOptions(config.auth) });
  // Cached aggregates made stale by a change (an import, follow-up) are recomputed in the
  // background, so that dashboards do not wait for them.
  const stopStatsRefresh =
    config.statsRefreshSeconds > 0
      ? startStatsRefresh({ db }, { intervalMs: config.statsRefreshSeconds * 1000, logger })
      : () => undefined;
  // OVERDUE follows the calendar: looked at every minute, refreshed when the day has changed.
  const overdueTimer = setInterval(() => {
    refreshOverdueSignals({ db })
      .then((result) => {
        if (result.states) logger.info(result, 'brought the OVERDUE signals up to date');
      })
      .catch((error: unknown) => {
        logger.warn({ err: error }, 'could not bring the OVERDUE signals up to date');
      });
  }, 60_000);
  overdueTimer.unref();
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- Yoga's handler is a valid (async) Node request listener
  const server = createServer(yoga);
  server.listen(config.port, config.host, () => {
    logger.info(
      {
        url: `http://localhost:${config.port}/graphql`,
        startupMs: Math.round(performance.now() - started),
      },
      'recgraph is ready',
    );
  });
  server.on('error', (error) => {
    logger.fatal({ err: error }, 'cannot listen');
    process.exit(1);
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close();
    stopStatsRefresh();
    clearInterval(overdueTimer);
    await driver.close();
    if (embedded?.started) await stopEmbedded(config.neo4j.embedded.dataDir, logger);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
} catch (error) {
  logger.fatal({ err: error }, (error as Error).message);
  process.exit(1);
}
