/** Bad arguments are the client's mistake: INVALID_INPUT naming the argument, logged as debug. */
import { pino } from 'pino';
import { describe, expect, inject, it } from 'vitest';
import { createApp } from '../../../src/server/app.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';

const t = useTestApp();

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
