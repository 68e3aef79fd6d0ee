/**
 * Recommendations over the demo dataset in a real Neo4j: counts by every filter, checked against
 * the source CSV; full-text search; paging; bad arguments.
 */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/create-test-app.ts';
import { demoRows } from '../../helpers/demo-oracle.ts';

const t = useTestApp();

/** How many of Slovenia's recommendations (the demo CSV the oracle reads) match `filter`. */
const total = async (filter: Record<string, unknown>) => {
  const result = await t.execute<{ recommendations: { totalCount: number } }>(
    'query ($filter: RecommendationFilter) { recommendations(filter: $filter) { totalCount } }',
    // The demo also holds CLADEM's Spanish recommendations to Latin American states.
    { filter: { states: ['SVN'], ...filter } },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.recommendations.totalCount;
};

describe('filtering and paging recommendations over the demo dataset', () => {
  it('answers the README example: Slovenia has 632 recommendations', async () => {
    const result = await t.execute('{ recommendations(filter:{states:["SVN"]}) { totalCount } }');
    expect(result).toEqual({ data: { recommendations: { totalCount: 632 } } });
  });

  it('filters by cycle, response, recommending state, SDG goal, theme and years as the source says', async () => {
    const rows = demoRows();
    // arrange: expected counts straight from the CSV
    const count = (predicate: (row: (typeof rows)[number]) => boolean) =>
      rows.filter(predicate).length;
    expect(await total({ cycles: [2] })).toBe(count((r) => r.cycle === '2'));
    expect(await total({ responses: ['NOTED'] })).toBe(count((r) => r.position === 'Noted'));
    expect(await total({ recommendingStates: ['AUS'] })).toBe(
      count((r) =>
        r.recommending_states
          .split(',')
          .map((s) => s.trim())
          .includes('Australia'),
      ),
    );
    expect(await total({ sdgGoals: ['5'] })).toBe(
      count((r) => r.sdgs.split('|').some((g) => g.trim().startsWith('5 '))),
    );
    expect(await total({ themes: ['A12'] })).toBe(
      count((r) => r.themes.split('|').some((g) => g.trim().startsWith('A12 '))),
    );
    expect(await total({ themes: ['discrimination-against-women'] })).toBe(
      count((r) => r.themes.split('|').some((g) => g.trim() === 'Discrimination against women')),
    );
    // cycle 3 was reviewed at WG session 34 (2019), cycle 4 at session 48 (2025)
    expect(await total({ years: { from: 2019, to: 2019 } })).toBe(count((r) => r.cycle === '3'));
    expect(await total({ years: { from: 2020 } })).toBe(count((r) => r.cycle === '4'));
    expect(await total({ mechanisms: ['UPR'], states: ['SVN'] })).toBe(632);
    expect(await total({ mechanisms: ['CEDAW'], states: ['SVN'] })).toBe(0);
    expect(await total({ states: ['FRA'] })).toBe(0);
  });

  it('combines filters with AND', async () => {
    const rows = demoRows();
    const expected = rows.filter((r) => r.cycle === '4' && r.position === 'Supported').length;
    expect(await total({ cycles: [4], responses: ['SUPPORTED'] })).toBe(expected);
  });

  it('searches the text with the full-text index', async () => {
    const rows = demoRows();
    const expected = rows.filter((r) => /\broma\b/i.test(r.text)).length;
    expect(expected).toBeGreaterThan(0);
    expect(await total({ text: 'roma' })).toBe(expected);
    expect(await total({ text: 'roma', cycles: [2] })).toBe(
      rows.filter((r) => /\broma\b/i.test(r.text) && r.cycle === '2').length,
    );
  });

  it('pages through all 632 in a stable order without gaps or repeats, forwards and backwards', async () => {
    const ids: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const result: {
        data?: {
          recommendations: {
            edges: { node: { stableId: string } }[];
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          };
        } | null;
      } = await t.execute(
        'query ($after: String) { recommendations(filter: {states: ["SVN"]}, first: 100, after: $after) { edges { node { stableId } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      const connection = result.data!.recommendations;
      ids.push(...connection.edges.map((e) => e.node.stableId));
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(7);
    expect(ids).toHaveLength(632);
    expect(new Set(ids).size).toBe(632);
    expect([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(ids);

    const last = await t.execute<{
      recommendations: {
        edges: { node: { stableId: string } }[];
        pageInfo: { hasPreviousPage: boolean };
      };
    }>(
      '{ recommendations(filter: {states: ["SVN"]}, last: 3) { edges { node { stableId } } pageInfo { hasPreviousPage } } }',
    );
    expect(last.data!.recommendations.edges.map((e) => e.node.stableId)).toEqual(ids.slice(-3));
    expect(last.data!.recommendations.pageInfo.hasPreviousPage).toBe(true);
  });
});

describe('bad filter and paging arguments get a clear error and no partial data', () => {
  it('rejects an impossible year range, a bad code, a bad cursor and an oversized page', async () => {
    const cases = [
      [
        '{ recommendations(filter: {years: {from: 2020, to: 2010}}) { totalCount } }',
        'filter.years',
      ],
      ['{ recommendations(filter: {states: ["Slovenia"]}) { totalCount } }', 'filter.states'],
      ['{ recommendations(after: "not-a-cursor") { totalCount } }', 'after'],
      ['{ recommendations(first: 1000) { totalCount } }', 'first'],
      ['{ states(filter: {region: "Europe"}) { totalCount } }', 'region'],
      // Unbalanced syntax is searched as text (text-search-syntax); a search of no word is not.
      ['{ recommendations(filter: {text: "\\" ( ) AND"}) { totalCount } }', 'filter.text'],
      ['{ recommendations(filter: {languages: ["spanish"]}) { totalCount } }', 'filter.languages'],
    ] as const;
    for (const [query, field] of cases) {
      const result = await t.execute(query);
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field });
    }
  });
});
