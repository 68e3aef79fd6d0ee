import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jConfig } from '../core/config.ts';
import type { Logger } from '../core/logger.ts';
import { startEmbedded, type EmbeddedHandle } from './embedded.ts';

export interface Connection {
  readonly driver: Driver;
  readonly database: string;
  readonly uri: string;
  /** Set when the embedded Neo4j serves this process (NEO4J_URI unset). */
  readonly embedded: EmbeddedHandle | undefined;
}

/**
 * Creates a driver for NEO4J_URI, or for the embedded Neo4j (started or reused) when it is unset,
 * and waits until the server answers.
 * @example const { driver, database } = await connect(config.neo4j, logger);
 */
export async function connect(
  config: Neo4jConfig,
  logger: Logger,
  options: { ownEmbedded?: boolean } = {},
): Promise<Connection> {
  let uri = config.uri;
  let embedded: EmbeddedHandle | undefined;
  if (uri === undefined) {
    // `ownEmbedded`: an embedded Neo4j this process starts ends with it, however it ends (the
    // server stops it on a clean exit; the launcher stops itself if the server is killed). The
    // CLI's commands leave theirs running for the next command.
    embedded = await startEmbedded(
      config.embedded,
      logger,
      options.ownEmbedded ? { owner: process.pid } : {},
    );
    uri = embedded.uri;
  }
  // No NEO4J_USER: no credentials (the embedded Neo4j runs without authentication on loopback).
  const auth =
    config.user !== undefined ? neo4j.auth.basic(config.user, config.password ?? '') : undefined;
  const driver = neo4j.driver(uri, auth, {
    userAgent: 'recgraph',
    // Integers come back as neo4j Integer objects; db/run.ts converts them deliberately.
    disableLosslessIntegers: false,
    logging: {
      level: 'warn',
      logger: (level, message) =>
        logger[level === 'error' ? 'error' : 'warn']({ neo4j: true }, message),
    },
  });
  try {
    await driver.verifyConnectivity({ database: config.database });
  } catch (error) {
    await driver.close();
    throw new Error(`cannot reach Neo4j at ${uri}: ${(error as Error).message}`, { cause: error });
  }
  logger.info(
    { uri, database: config.database, embedded: embedded !== undefined },
    'connected to Neo4j',
  );
  return { driver, database: config.database, uri, embedded };
}
