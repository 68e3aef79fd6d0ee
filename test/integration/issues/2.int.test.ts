/**
 * Issue 2 acceptance: the read API over the demo dataset in a real Neo4j.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/create-test-app.ts';
import { demoRows } from '../../helpers/demo-oracle.ts';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

const total = async (filter: Record<string, unknown>) => {
  const result = await t.execute<{ recommendations: { totalCount: number } }>(
    'query ($filter: RecommendationFilter) { recommendations(filter: $filter) { totalCount } }',
    { filter },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.recommendations.totalCount;
};

describe('issue 2: recommendations over the demo dataset', () => {
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

  it('returns a recommendation by stable id with its nested fields', async () => {
    const result = await t.execute<{ recommendation: Record<string, unknown> }>(`{
      recommendation(id: "A/HRC/28/15#115.4") {
        id stableId text paragraph cycle session year response
        state { iso3 name } mechanism { code kind }
        document { symbol review }
        recommendingStates { iso3 }
        themes { scheme code label }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.recommendation).toEqual({
      id: 'Recommendation:A/HRC/28/15#115.4',
      stableId: 'A/HRC/28/15#115.4',
      text: 'Ratify the Optional Protocol to the Covenant on Economic, Social and Cultural Rights',
      paragraph: '115.4',
      cycle: 2,
      session: 20,
      year: 2014,
      response: 'SUPPORTED',
      state: { iso3: 'SVN', name: 'Slovenia' },
      mechanism: { code: 'UPR', kind: 'UPR' },
      document: { symbol: 'A/HRC/28/15', review: 'UPR/SVN/2' },
      recommendingStates: [{ iso3: 'ESP' }, { iso3: 'PRT' }, { iso3: 'TUN' }],
      themes: [{ scheme: 'UHRI_LEGACY', code: 'A12', label: 'Acceptance of international norms' }],
    });
  });

  it('returns null for an unknown recommendation, and resolves global IDs through node()', async () => {
    const result = await t.execute(`{
      missing: recommendation(id: "A/HRC/1/1#999") { stableId }
      byGlobal: recommendation(id: "Recommendation:A/HRC/28/15#115.4") { stableId }
      node(id: "State:SVN") { id ... on State { name } }
    }`);
    expect(result).toEqual({
      data: {
        missing: null,
        byGlobal: { stableId: 'A/HRC/28/15#115.4' },
        node: { id: 'State:SVN', name: 'Slovenia' },
      },
    });
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

  it('gives a state with its recommendations and counts', async () => {
    const rows = demoRows();
    const result = await t.execute<{
      state: {
        name: string;
        region: { name: string };
        recommendations: { totalCount: number };
        recommendationCounts: { total: number; byResponse: { key: string; count: number }[] };
      };
    }>(`{
      state(iso3: "svn") {
        name region { name }
        recommendations(filter: { cycles: [3] }) { totalCount }
        recommendationCounts { total byResponse { key count } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const state = result.data!.state;
    expect(state.name).toBe('Slovenia');
    expect(state.region.name).toBe('Southern Europe');
    expect(state.recommendations.totalCount).toBe(rows.filter((r) => r.cycle === '3').length);
    expect(state.recommendationCounts.total).toBe(632);
    expect(state.recommendationCounts.byResponse).toEqual([
      { key: 'SUPPORTED', count: rows.filter((r) => r.position === 'Supported').length },
      { key: 'NOTED', count: rows.filter((r) => r.position === 'Noted').length },
    ]);
  });

  it('lists reference data: states, mechanisms, themes, SDG goals and targets', async () => {
    const result = await t.execute<
      Record<string, { totalCount: number; edges: { node: Record<string, unknown> }[] }>
    >(`{
      states { totalCount }
      members: states(filter: { unMember: true }) { totalCount }
      mechanisms(first: 100) { totalCount edges { node { code kind system } } }
      themes(scheme: "UHRI_LEGACY") { totalCount }
      sdgGoals { totalCount }
      sdgTargets(goal: "5") { totalCount edges { node { code } } }
      allTargets: sdgTargets { totalCount }
    }`);
    expect(result.errors).toBeUndefined();
    const d = result.data!;
    expect(d['states']!.totalCount).toBe(249);
    expect(d['members']!.totalCount).toBe(193);
    expect(d['mechanisms']!.edges.map((e) => e.node['code'])).toEqual(
      expect.arrayContaining(['UPR', 'CEDAW', 'GREVIO', 'MESECVI', 'ACHPR']),
    );
    expect(d['themes']!.totalCount).toBeGreaterThan(0);
    expect(d['sdgGoals']!.totalCount).toBe(17);
    expect(d['allTargets']!.totalCount).toBe(169);
    expect(d['sdgTargets']!.edges.map((e) => e.node['code'])).toEqual([
      '5.1',
      '5.2',
      '5.3',
      '5.4',
      '5.5',
      '5.6',
      '5.a',
      '5.b',
      '5.c',
    ]);
  });

  it("gives a state's names, all variants or one language's, read only when asked for", async () => {
    type Names = { iso3: string; names: string[]; fr: string[]; ar: string[] };
    const [stored] = await t.db.read<{ names: string[]; fr: string[]; ar: string[] }>(
      "MATCH (s:State {iso3: 'CIV'}) RETURN s.names AS names, s.namesFr AS fr, s.namesAr AS ar",
    );
    t.queries.length = 0;
    const one = await t.execute<{ state: Names }>(
      `{ state(iso3: "CIV") { iso3 names fr: names(language: fr) ar: names(language: ar) } }`,
    );
    expect(one.errors).toBeUndefined();
    expect(one.data!.state).toEqual({ iso3: 'CIV', ...stored });
    expect(one.data!.state.fr.length).toBeGreaterThan(0);
    expect(t.queries).toHaveLength(2); // the state, then its names in all three forms at once

    // A page of states: their names in one more statement; without names, none.
    const page = `query ($names: Boolean!) { states(first: 50) {
      edges { node { iso3 names(language: en) @include(if: $names) } } } }`;
    t.queries.length = 0;
    const bare = await t.execute(page, { names: false });
    expect(bare.errors).toBeUndefined();
    const statements = t.queries.length;
    t.queries.length = 0;
    const named = await t.execute<{
      states: { edges: { node: { iso3: string; names: string[] } }[] };
    }>(page, { names: true });
    expect(named.errors).toBeUndefined();
    expect(t.queries).toHaveLength(statements + 1);
    const en = await t.db.read<{ iso3: string; names: string[] }>(
      'MATCH (s:State) RETURN s.iso3 AS iso3, s.namesEn AS names ORDER BY iso3 LIMIT 50',
    );
    expect(named.data!.states.edges.map((e) => e.node)).toEqual(en);
  });

  it('filters states by a region at any level of M49', async () => {
    const result = await t.execute<Record<string, { edges: { node: { iso3: string } }[] }>>(`{
      europe: states(filter: { region: "150" }, first: 100) { edges { node { iso3 } } }
      southernEurope: states(filter: { region: "039" }, first: 100) { edges { node { iso3 } } }
    }`);
    expect(result.errors).toBeUndefined();
    const iso3s = (key: string) => result.data![key]!.edges.map((e) => e.node.iso3);
    expect(iso3s('europe')).toEqual(expect.arrayContaining(['SVN', 'FRA', 'NOR']));
    expect(iso3s('europe')).not.toContain('KEN');
    expect(iso3s('southernEurope')).toContain('SVN');
    expect(iso3s('southernEurope')).not.toContain('FRA');
  });
});

describe('issue 2: bad input gets a clear error and no partial data', () => {
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
      ['{ recommendations(filter: {text: "women AND ("}) { totalCount } }', 'text'],
    ] as const;
    for (const [query, field] of cases) {
      const result = await t.execute(query);
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field });
    }
  });
});
