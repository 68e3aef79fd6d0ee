/**
 * An app over the shared test Neo4j, queried in-process through yoga.fetch (no TCP port), with
 * every Cypher statement it runs recorded.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { pino } from 'pino';
import { afterAll, beforeAll, inject } from 'vitest';
import { createApp, type App } from '../../src/server/app.ts';
import type { AuthOptions } from '../../src/auth/viewer.ts';
import { Db, type QueryEvent } from '../../src/db/run.ts';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export interface TestApp {
  readonly app: App;
  readonly driver: Driver;
  readonly db: Db;
  /** Every statement run through the app's gateway since the last reset. */
  readonly queries: QueryEvent[];
  execute<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** Silent unless TEST_LOG names a level (e.g. TEST_LOG=error shows the errors Yoga masks). */
export const testLogger = () => pino({ level: process.env['TEST_LOG'] ?? 'silent' });

/** A driver to the test Neo4j, or to `uri` (e.g. a relay in front of it) with its credentials. */
export function testDriver(uri: string = inject('neo4jUri')): Driver {
  const user = inject('neo4jUser');
  return neo4j.driver(
    uri,
    user ? neo4j.auth.basic(user, inject('neo4jPassword') ?? '') : undefined,
  );
}

export function createTestApp(options: { auth?: AuthOptions } = {}): TestApp {
  const driver = testDriver();
  const database = inject('neo4jDatabase');
  const logger = testLogger();
  const queries: QueryEvent[] = [];
  const app = createApp({
    driver,
    database,
    logger,
    onQuery: (event) => queries.push(event),
    auth: options.auth,
  });
  return {
    app,
    driver,
    db: new Db(driver, database, logger),
    queries,
    async execute(query, variables, headers = {}) {
      const response = await app.fetch('http://recgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<never>;
    },
    close: () => driver.close(),
  };
}

/**
 * The test file's app: created before its tests and closed after them. Register it before the
 * file's other hooks: vitest runs afterAll hooks in reverse order, so their cleanup still has the
 * app. Read its members only inside hooks and tests.
 */
export function useTestApp(options: { auth?: AuthOptions } = {}): TestApp {
  let current: TestApp | undefined;
  beforeAll(() => {
    current = createTestApp(options);
  });
  afterAll(() => current?.close());
  const app = (): TestApp => {
    if (!current) throw new Error('the test app exists only while the tests of its file run');
    return current;
  };
  return {
    get app() {
      return app().app;
    },
    get driver() {
      return app().driver;
    },
    get db() {
      return app().db;
    },
    get queries() {
      return app().queries;
    },
    execute: <T>(
      query: string,
      variables?: Record<string, unknown>,
      headers?: Record<string, string>,
    ) => app().execute<T>(query, variables, headers),
    close: () => app().close(),
  };
}
