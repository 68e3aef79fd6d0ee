/** GraphQL Armor: queries too deep or with too many aliases are refused. */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/create-test-app.ts';

const t = useTestApp();

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
