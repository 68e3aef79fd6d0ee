/** States over the demo dataset: their recommendations and counts, their names, M49 regions. */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/create-test-app.ts';
import { demoRows } from '../../helpers/demo-oracle.ts';

const t = useTestApp();

describe('states', () => {
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
