/**
 * The neglect analysis on the demo data: Slovenia ranked from the signals of its overlap
 * clusters, with the evidence behind each, and the filters of the ranking and the drill-down.
 */
import { describe, expect, it } from 'vitest';
import { computeClusterSignals } from '../../../src/features/analytics-store/index.ts';
import { DRILL, RANKING, type Row, useAnalytics } from '../../helpers/analytics.ts';

const { t, expectStoredEqualsComputed, slovenia } = useAnalytics();

describe('the neglect analysis', () => {
  it('ranks Slovenia from the signals of its clusters, with the evidence behind each', async () => {
    await expectStoredEqualsComputed();
    const row = (await slovenia({ all: true }))!;
    // The ranking has the same row.
    const ranking = await t.execute<{
      overlapNeglect: { totalCount: number; edges: { node: Partial<Row> }[] };
    }>(RANKING, {});
    expect(ranking.errors).toBeUndefined();
    const ranked = ranking.data!.overlapNeglect.edges.map((e) => e.node);
    expect(ranked.find((r) => r.state!.iso3 === 'SVN')).toEqual({
      state: { iso3: 'SVN' },
      clusters: row.clusters,
      multiSourceClusters: row.multiSourceClusters,
      neglectedClusters: row.neglectedClusters,
      index: row.index,
    });
    const indexes = ranked.map((r) => r.index!);
    expect(indexes).toEqual([...indexes].sort((a, b) => b - a));
    const computed = await t.db.transaction((tx) => computeClusterSignals(tx, ['SVN']));
    // The row's figures are those of its clusters.
    expect(row.clusters).toBe(computed.length);
    expect(row.multiSourceClusters).toBe(computed.filter((c) => c.multiSource).length);
    expect(row.neglectedClusters).toBe(computed.filter((c) => c.neglected).length);
    expect(row.index).toBeCloseTo(row.neglectedClusters / row.multiSourceClusters, 6);
    expect(row.neglectedClusters).toBeGreaterThan(0);
    expect(row.topThemes.length).toBeGreaterThan(0);
    // Neglected clusters come first; each signal names members of its own cluster, and a NOTED
    // signal only members the state noted.
    const flags = row.neglected.map((c) => c.neglected);
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    for (const c of row.neglected) {
      const members = new Set(
        (
          await t.db.read<{ id: string }>(
            'MATCH (:OverlapCluster {id: $id})-[:HAS_MEMBER]->(r) RETURN r.id AS id',
            { id: c.cluster.id },
          )
        ).map((m) => m.id),
      );
      for (const signal of c.signals) {
        for (const r of signal.recommendations) expect(members.has(r.stableId)).toBe(true);
        if (signal.kind === 'NOTED') {
          expect(signal.recommendations.length).toBeGreaterThan(0);
          for (const r of signal.recommendations) expect(r.response).toBe('NOTED');
        }
      }
      if (c.neglected) expect(c.signals.length).toBeGreaterThan(0);
    }
  });

  it('filters clusters by mechanism, years, theme and region', async () => {
    const all = (await slovenia())!;
    const europe = await slovenia({ filter: { regions: ['150'] } });
    expect(europe?.clusters).toBe(all.clusters);
    expect(await slovenia({ filter: { regions: ['002'] } })).toBeUndefined(); // Africa
    expect(await slovenia({ filter: { mechanisms: ['CEDAW'] } })).toBeUndefined();
    const recent = (await slovenia({ filter: { years: { from: 2020 } } }))!;
    expect(recent.clusters).toBeLessThan(all.clusters);
    const theme = all.topThemes[0]!.code;
    const themed = (await slovenia({ filter: { themes: [theme] } }))!;
    expect(themed.neglectedClusters).toBeGreaterThan(0);
    expect(themed.clusters).toBeLessThanOrEqual(all.clusters);

    // A region filter keeps each state's row as the unfiltered ranking has it (from the states'
    // stored figures) and leaves out the states outside the region (M49: Europe, through its
    // subregions).
    type Ranking = {
      overlapNeglect: { totalCount: number; edges: { node: Row & { state: { iso3: string } } }[] };
    };
    const ranking = async (filter: Record<string, unknown> | null) => {
      const response = await t.execute<Ranking>(
        `query ($filter: NeglectFilter) { overlapNeglect(filter: $filter, first: 50) {
           totalCount edges { node { state { iso3 } clusters multiSourceClusters
             neglectedClusters index topThemes { scheme code } } } } }`,
        { filter },
      );
      expect(response.errors).toBeUndefined();
      return response.data!.overlapNeglect;
    };
    const everywhere = await ranking(null);
    const inEurope = await ranking({ regions: ['150'] });
    const european = new Set(
      (
        await t.db.read<{ iso3: string }>(
          `MATCH (s:State)-[:IN_REGION]->(:Region)-[:PART_OF*0..4]->(:Region {code: '150'})
           RETURN s.iso3 AS iso3`,
        )
      ).map((row) => row.iso3),
    );
    const rows = (r: Ranking['overlapNeglect']) => r.edges.map((edge) => edge.node);
    expect(rows(inEurope)).toEqual(rows(everywhere).filter((row) => european.has(row.state.iso3)));
    expect(inEurope.totalCount).toBe(inEurope.edges.length);
    expect(inEurope.edges.length).toBeGreaterThan(0);
    expect(await ranking({ regions: ['002'] })).toEqual({ totalCount: 0, edges: [] });

    const bad = await t.execute(DRILL, { filter: { years: { from: 2020, to: 2010 } } });
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('INVALID_INPUT');
  });
});
