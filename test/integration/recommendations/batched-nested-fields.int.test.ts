/**
 * Nested fields are batched: the number of Cypher statements for a page does not grow with the
 * page size.
 */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/create-test-app.ts';

const t = useTestApp();

const PAGE_WITH_EVERY_NESTED_FIELD = `query ($first: Int!) {
  recommendations(filter: { states: ["SVN"] }, first: $first) {
    totalCount
    edges { node {
      stableId text
      state { iso3 name region { name } }
      mechanism { code name }
      document { symbol mechanism { code } }
      recommendingStates { iso3 name }
      themes { scheme code label }
      affectedGroups { code label }
      sdgGoals { code title }
      sdgTargets { code }
      sources { dataset sourceId }
    } }
  }
}`;

async function statementsFor(first: number) {
  t.queries.length = 0;
  const result = await t.execute<{ recommendations: { edges: unknown[] } }>(
    PAGE_WITH_EVERY_NESTED_FIELD,
    { first },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data!.recommendations.edges).toHaveLength(first);
  return t.queries.length;
}

describe('DataLoader batching', () => {
  it('runs the same number of Cypher statements for a page of 5 and a page of 50', async () => {
    const small = await statementsFor(5);
    const large = await statementsFor(50);
    // Printed for the docs: `npm run test:int -- batched-nested-fields`.
    console.info(`[dataloader] Cypher statements for a page of 5: ${small}, of 50: ${large}`);
    expect(large).toBe(small);
    // page + count + one per nested loader (state, region, mechanism, document, recommending
    // states, themes, affected groups, SDG goals, SDG targets, sources)
    expect(large).toBeLessThanOrEqual(12);
  });
});
