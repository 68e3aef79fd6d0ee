/**
 * Compiled execution (graphql-jit): the answers, field errors and request errors it gives are
 * those graphql-js would.
 */
import { describe, expect, inject, it } from 'vitest';
import { createApp, type App } from '../../../src/server/app.ts';
import { testLogger, useTestApp } from '../../helpers/create-test-app.ts';

const t = useTestApp();

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
      // Compiled queries' field errors have no locations (docs/api.md, "Compiled queries").
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
