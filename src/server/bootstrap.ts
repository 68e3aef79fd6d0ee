/**
 * What every entry point does before its real work: connect to Neo4j (NEO4J_URI, or the embedded
 * one started or reused), apply pending migrations, and load the demo dataset into an empty graph.
 */
import type { Config } from '../core/config.ts';
import { connect, type Connection } from '../db/driver.ts';
import { stopEmbedded } from '../db/embedded.ts';
import { migrate, type MigrationResult } from '../db/migrate.ts';
import { Db } from '../db/run.ts';
import { ensureDemoData } from '../features/imports/index.ts';
import { seedDemoFollowUp } from '../features/follow-ups/index.ts';
import { detectOverlaps } from '../features/overlaps/index.ts';
import { embedderStatus } from '../features/embeddings/index.ts';
import {
  refreshMissingClusterSignals,
  refreshOverdueSignals,
} from '../features/analytics-store/index.ts';
import { CODE_MIGRATIONS } from './migrations.ts';
import type { Logger } from '../core/logger.ts';

export interface Bootstrapped extends Connection {
  readonly db: Db;
  /** The migrations this start applied, and those it found applied already. */
  readonly migrations: MigrationResult;
}

export async function bootstrap(
  config: Config,
  logger: Logger,
  options: { demoData?: boolean; ownEmbedded?: boolean } = {},
): Promise<Bootstrapped> {
  const connection = await connect(config.neo4j, logger, { ownEmbedded: options.ownEmbedded });
  try {
    const db = new Db(connection.driver, connection.database, logger);
    const migrations = await migrate(db, logger, CODE_MIGRATIONS);
    const embedding = embedderStatus();
    if (embedding.available) {
      logger.info({ model: embedding.embedder.model }, 'multilingual embedding model loaded');
    } else {
      logger.warn(
        { reason: embedding.reason },
        'lexical-only mode: overlap detection and similarity search run without the embedding model',
      );
    }
    if ((options.demoData ?? true) && config.demoData === 'auto') {
      const demo = await ensureDemoData({ db }, logger);
      if (demo.loaded) {
        // So that a new user sees overlaps, repeats and clusters in the demo at once.
        let logged = 0;
        const found = await detectOverlaps(
          { db },
          {
            onEmbed: ({ done, total }) => {
              if (performance.now() - logged < 10_000 && done < total) return;
              logged = performance.now();
              logger.info(
                { done, total },
                'embedding the demo texts (once; cached in data/embeddings)',
              );
            },
          },
        );
        logger.info(
          { links: found.links, repeats: found.repeats, clusters: found.clusters, ms: found.ms },
          'compared the demo recommendations for overlaps',
        );
        await seedDemoFollowUp({ db }, logger);
      }
    }
    // Stores from before the analytics signals existed get them once.
    const missing = await refreshMissingClusterSignals({ db });
    if (missing.states) logger.info(missing, "computed the overlap clusters' analytics signals");
    // Due dates passed since the signals were last judged.
    const overdue = await refreshOverdueSignals({ db });
    if (overdue.states) logger.info(overdue, 'brought the OVERDUE signals up to date');
    return { ...connection, db, migrations };
  } catch (error) {
    await connection.driver.close();
    // Leave nothing behind that this failed start began.
    if (connection.embedded?.started) await stopEmbedded(config.neo4j.embedded.dataDir, logger);
    throw error;
  }
}
