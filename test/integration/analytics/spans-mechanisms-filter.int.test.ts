/**
 * The neglect analysis restricted to clusters that span mechanisms (`spansMechanisms`): members
 * from two or more mechanisms, unlike `multiSource`, which several recommending states satisfy
 * too.
 */
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../src/features/imports/index.ts';
import { detectOverlaps } from '../../../src/features/overlaps/index.ts';
import { useAnalytics } from '../../helpers/analytics.ts';

const { t, RUN, withIcelandMechanism } = useAnalytics();

type Cluster = {
  cluster: { id: string; mechanismCount: number };
  multiSource: boolean;
  spansMechanisms: boolean;
};
type StateRow = { clusters: number; multiSourceClusters: number; neglected: Cluster[] } | null;

const ICELAND = `query ($filter: NeglectFilter) {
  stateNeglect(state: "ISL", filter: $filter) {
    clusters multiSourceClusters
    neglected(all: true, first: 100) { cluster { id mechanismCount } multiSource spansMechanisms }
  }
}`;

const RANKING = `query ($filter: NeglectFilter) {
  overlapNeglect(filter: $filter, first: 100) {
    totalCount edges { node { state { iso3 } clusters multiSourceClusters } }
  }
}`;

describe('spansMechanisms', () => {
  it('keeps the clusters whose members come from two or more mechanisms, or only the others', async () => {
    const nhri = [
      'Establish a national human rights institution in full compliance with the Paris Principles.',
      'Establish a national human rights institution in accordance with the Paris Principles.',
    ];
    const violence = [
      'Adopt a comprehensive law criminalising domestic violence and marital rape.',
      'Adopt a comprehensive law that criminalises domestic violence and marital rape.',
    ];
    await withIcelandMechanism('S', async (first, write) => {
      await withIcelandMechanism('T', async (second, writeSecond) => {
        // Arrange: the NHRI ask from two mechanisms; the violence ask twice from the first one,
        // by two recommending states (multi-source, within one mechanism).
        const one = write('first', [
          { id: `${RUN}/s1`, text: nhri[0]!, year: 2019, cycle: 3, response: 'NOTED' },
          {
            id: `${RUN}/s2`,
            text: violence[0]!,
            year: 2019,
            cycle: 3,
            recommendingStates: ['NOR'],
          },
          {
            id: `${RUN}/s3`,
            text: violence[1]!,
            year: 2019,
            cycle: 3,
            recommendingStates: ['SWE'],
          },
        ]);
        const two = writeSecond('second', [
          { id: `${RUN}/t1`, text: nhri[1]!, year: 2020, cycle: 3 },
        ]);
        await runImport(t, { files: [one, two], format: 'ndjson' });
        await detectOverlaps(t);
        const members = await t.db.read<{ id: string; mechanisms: string[] }>(
          `MATCH (c:OverlapCluster {state: 'ISL'})-[:HAS_MEMBER]->(r:Recommendation)
           WHERE r.mechanism IN $codes
           WITH c, collect(DISTINCT r.mechanism) AS mechanisms
           RETURN c.id AS id, mechanisms ORDER BY size(mechanisms) DESC`,
          { codes: [first, second] },
        );
        expect(members.map((m) => m.mechanisms.length)).toEqual([2, 1]);
        const [spanning, within] = members.map((m) => m.id);

        const iceland = async (filter: Record<string, unknown> | null) => {
          const response = await t.execute<{ stateNeglect: StateRow }>(ICELAND, { filter });
          expect(response.errors).toBeUndefined();
          return response.data!.stateNeglect;
        };
        const all = (await iceland(null))!;
        const ids = (row: StateRow) => row!.neglected.map((c) => c.cluster.id).sort();
        expect(ids(all)).toEqual([spanning, within].sort());
        // Both are multi-source; only one spans mechanisms.
        expect(all.neglected.every((c) => c.multiSource)).toBe(true);
        expect(all.neglected.find((c) => c.cluster.id === spanning)!.spansMechanisms).toBe(true);
        expect(all.neglected.find((c) => c.cluster.id === within)!.spansMechanisms).toBe(false);

        const spans = (await iceland({ spansMechanisms: true }))!;
        expect(ids(spans)).toEqual([spanning]);
        expect(spans).toMatchObject({ clusters: 1, multiSourceClusters: 1 });
        const single = (await iceland({ spansMechanisms: false }))!;
        expect(ids(single)).toEqual([within]);
        expect(single.neglected[0]!.cluster.mechanismCount).toBe(1);
        // Combined with the other filters: the spanning cluster is not in 2021 or later.
        expect(await iceland({ spansMechanisms: true, years: { from: 2021 } })).toBeNull();

        // The ranking: each state with as many clusters as span mechanisms in the graph.
        const response = await t.execute<{
          overlapNeglect: {
            totalCount: number;
            edges: {
              node: { state: { iso3: string }; clusters: number; multiSourceClusters: number };
            }[];
          };
        }>(RANKING, { filter: { spansMechanisms: true } });
        expect(response.errors).toBeUndefined();
        const ranked = response.data!.overlapNeglect;
        const truth = await t.db.read<{ state: string; n: number }>(
          `MATCH (c:OverlapCluster) WHERE c.mechanismCount >= 2 AND c.neglected IS NOT NULL
           RETURN c.state AS state, count(c) AS n ORDER BY state`,
        );
        expect(
          ranked.edges
            .map((e) => ({ state: e.node.state.iso3, n: e.node.clusters }))
            .sort((a, b) => a.state.localeCompare(b.state)),
        ).toEqual(truth);
        expect(ranked.totalCount).toBe(truth.length);
        for (const e of ranked.edges) expect(e.node.multiSourceClusters).toBe(e.node.clusters);
      });
    });
  });
});
