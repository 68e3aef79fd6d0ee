/**
 * Hardening: health and readiness, error masking, GraphQL Armor limits.
 */
import neo4j from 'neo4j-driver';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp, type App } from '../../src/server/app.ts';
import { freePort } from '../../src/db/embedded.ts';
import { createTestApp, testLogger, type TestApp } from '../helpers/create-test-app.ts';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

describe('health and readiness', () => {
  it('/health answers while the process is up; /ready answers when Neo4j is reachable', async () => {
    const health = await t.app.fetch('http://recgraph.test/health');
    expect(health.status).toBe(200);
    const ready = await t.app.fetch('http://recgraph.test/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'neo4j' });
  });

  it('/ready is 503 when Neo4j cannot be reached, and queries fail with a clear, masked error', async () => {
    // arrange: a driver pointing at a port nothing listens on
    const port = await freePort();
    const driver = neo4j.driver(`bolt://127.0.0.1:${port}`, undefined, {
      connectionTimeout: 2000,
      maxTransactionRetryTime: 0,
    });
    const app = createApp({ driver, database: 'neo4j', logger: testLogger() });
    try {
      const ready = await app.fetch('http://recgraph.test/ready');
      expect(ready.status).toBe(503);
      const response = await app.fetch('http://recgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ recommendations { totalCount } }' }),
      });
      const body = (await response.json()) as {
        errors: { message: string; extensions?: Record<string, unknown> }[];
      };
      expect(body.errors[0]!.extensions?.['code']).toBe('DATABASE_UNAVAILABLE');
      expect(JSON.stringify(body)).not.toMatch(/stack|MATCH|127\.0\.0\.1/);
    } finally {
      await driver.close();
    }
  });
});

describe('GraphQL Armor', () => {
  it('rejects a query deeper than the limit', async () => {
    // 11 levels: one more than the limit of 10
    const deep =
      '{ recommendations { edges { node { state { region { parent { parent { parent { parent { parent { name } } } } } } } } } } }';
    const result = await t.execute(deep);
    expect(result.errors?.[0]?.message).toMatch(/depth limit/i);
  });

  it('rejects too many aliases', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: sdgGoals { totalCount }`).join(
      ' ',
    );
    const result = await t.execute(`{ ${aliases} }`);
    expect(result.errors?.[0]?.message).toMatch(/aliases/i);
  });
});

describe('compiled execution (graphql-jit)', () => {
  const post = (body: unknown, app: App = t.app) =>
    app.fetch('http://recgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('answers a compiled query, and its field errors with their code and path', async () => {
    const ok = await post({
      query: 'query ($n: Int) { states(first: $n) { edges { node { iso3 } } } }',
      variables: { n: 2 },
    });
    expect(ok.status).toBe(200);
    const data = (await ok.json()) as { data: { states: { edges: unknown[] } } };
    expect(data.data.states.edges).toHaveLength(2);

    const bad = await post({
      query: '{ overlapNeglect(filter: { years: { from: 2020, to: 2010 } }) { totalCount } }',
    });
    expect(await bad.json()).toMatchObject({
      data: null,
      errors: [{ path: ['overlapNeglect'], extensions: { code: 'INVALID_INPUT', field: 'years' } }],
    });
  });

  it('leaves requests with a wrong variable or operation to graphql-js: HTTP 400, with locations', async () => {
    const wrongType = await post({
      query: 'query ($n: Int) { states(first: $n) { totalCount } }',
      variables: { n: 'two' },
    });
    expect(wrongType.status).toBe(400);
    const body = (await wrongType.json()) as {
      data?: unknown;
      errors: { message: string; locations?: unknown[] }[];
    };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]!.message).toMatch(/\$n.*Int/);
    expect(body.errors[0]!.locations).toEqual([{ line: 1, column: 8 }]);

    const missing = await post({
      query: 'query ($s: String!) { state(iso3: $s) { name } }',
      variables: {},
    });
    expect(missing.status).toBe(400);

    const unknownOperation = await post({ query: 'query A { __typename }', operationName: 'B' });
    expect(unknownOperation.status).toBe(400);
    expect(JSON.stringify(await unknownOperation.json())).toMatch(/operation/i);
  });

  it('checks a Date literal with the scalar (its own parseLiteral, which graphql-jit accepts)', async () => {
    const badDate = await post({
      query: `mutation { createFollowUpAction(input: { state: "SVN", title: "x", dueDate: "soon",
        recommendationIds: [] }) { __typename } }`,
    });
    expect(await badDate.json()).toMatchObject({
      errors: [
        {
          message: expect.stringMatching(/Date must be a YYYY-MM-DD string/) as unknown,
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    });
  });
  it('answers as graphql-js does, for queries of every shape the schema has', async () => {
    const interpreted = createApp({
      driver: t.driver,
      database: inject('neo4jDatabase'),
      logger: testLogger(),
      compiled: false,
    });
    const queries: [string, Record<string, unknown>?][] = [
      [
        `query ($f: RecommendationFilter, $n: Int) { recommendations(filter: $f, first: $n) {
           totalCount pageInfo { hasNextPage endCursor }
           edges { cursor node { id stableId text response year cycle mechanism { code name }
             recommendingStates { iso3 name } themes { scheme code label }
             deadlines { kind dueDate approximate passed }
             overlaps { id kind score methods evidence { jaccard sharedTerms signature }
               recommendation { stableId } }
             repeats { basis score recommendation { stableId } } repeatedBy { basis }
             overlapCluster { id size } } } } }`,
        { f: { states: ['SVN'], cycles: [3] }, n: 15 },
      ],
      [
        `fragment S on State { iso3 name region { name } }
         { a: node(id: "State:SVN") { __typename id ...S }
           b: nodes(ids: ["State:SVN", "Recommendation:A/HRC/28/15#115.1"]) {
             __typename ... on Recommendation { stableId state { ...S } } }
           state(iso3: "SVN") { recommendationCounts { total byCycle { key count } }
             followUp { actions overdue coverage byStatus { status count } }
             overlapClusters(first: 3) { edges { node { id size mechanisms years
               members { stableId } } } } } }`,
      ],
      [
        `{ overlapNeglect(first: 5) { totalCount edges { cursor node { state { iso3 }
             clusters multiSourceClusters neglectedClusters index topThemes { scheme code label } } } }
           stateNeglect(state: "SVN") { index neglected(first: 3) { neglected cluster { id size }
             signals { kind detail recommendations { stableId response } actions { id } } } }
           longestRepeatedAsks(state: "SVN", first: 2) { cluster { id } signals { kind } } }`,
      ],
      [
        `query ($g: [StatsDimension!]!) { recommendationStats(groupBy: $g) { keys count }
           coverageMatrix { dimensions cells axes positions count withAction
             buckets(first: 5) { keys count withAction coverage } }
           followUpProgress(state: "SVN") { period started due completed } }`,
        { g: ['CYCLE', 'RESPONSE'] },
      ],
      [
        `{ similarRecommendations(text: "Ratify the Optional Protocol to the Convention against Torture",
             state: "SVN", first: 3) { score evidence { sharedTerms signature }
             recommendation { stableId } } }`,
      ],
      // A field error: data null, the error's message, code and path.
      ['{ overlapNeglect(filter: { years: { from: 2020, to: 2010 } }) { totalCount } }'],
    ];
    const answer = async (app: App, query: string, variables?: Record<string, unknown>) => {
      const response = await post({ query, variables }, app);
      const body = (await response.json()) as {
        data?: unknown;
        errors?: { locations?: unknown }[];
      };
      // Compiled queries' field errors have no locations (see README, "The API").
      for (const error of body.errors ?? []) delete error.locations;
      return { status: response.status, body };
    };
    for (const [query, variables] of queries) {
      const compiled = await answer(t.app, query, variables);
      expect(JSON.stringify(compiled.body), query).not.toMatch(/GRAPHQL_VALIDATION_FAILED/);
      expect(compiled).toEqual(await answer(interpreted, query, variables));
    }
  });
});

describe('bad input', () => {
  it('answers every kind of bad argument with INVALID_INPUT naming it, logged below error level', async () => {
    // arrange: an app whose log lines are kept
    const lines: { level: number; err?: { message: string } }[] = [];
    const logger = pino(
      { level: 'debug' },
      { write: (line: string) => lines.push(JSON.parse(line) as (typeof lines)[number]) },
    );
    const app = createApp({ driver: t.driver, database: inject('neo4jDatabase'), logger });
    const ask = async (query: string) => {
      const response = await app.fetch('http://recgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as {
        errors?: { message: string; extensions?: Record<string, unknown> }[];
      };
    };

    // act + assert: a zod schema on an argument (the validation plugin), a global ID that no
    // object could have, a service's own check
    expect(await ask('{ similarRecommendations(text: "  ") { score } }')).toMatchObject({
      errors: [
        {
          message: expect.stringMatching(/^text: /u) as unknown,
          extensions: { code: 'INVALID_INPUT', field: 'text' },
        },
      ],
    });
    expect(await ask('{ node(id: "SVN") { id } }')).toMatchObject({
      errors: [
        {
          message: expect.stringMatching(/"SVN" is not a recgraph ID/u) as unknown,
          extensions: { code: 'INVALID_INPUT' },
        },
      ],
    });
    expect(
      await ask('{ overlapNeglect(filter: { regions: ["Europe"] }) { totalCount } }'),
    ).toMatchObject({
      errors: [
        {
          message: expect.stringMatching(/"Europe" is not an M49 region code/u) as unknown,
          extensions: { code: 'INVALID_INPUT', field: 'regions' },
        },
      ],
    });
    // A client's mistake is not the server's error: nothing at error level (pino's 50).
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
    const logged = lines.filter((line) => line.err);
    expect(logged.map((line) => line.level)).toEqual([20, 20, 20]);
    expect(logged[1]?.err?.message).toMatch(/not a recgraph ID/u);
  });
});
