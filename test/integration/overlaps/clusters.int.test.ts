/**
 * A state's overlap clusters through GraphQL: most mechanisms first, filtered and paged, and the
 * same after incremental runs as after a full rebuild. Set up as the UPR's later OP-CAT ask
 * (OVTEST/8) arrived; the test adds CAT's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../src/features/imports/index.ts';
import { detectOverlaps } from '../../../src/features/overlaps/index.ts';
import {
  CAT_OPCAT,
  clusterQuery,
  LATER_OPCAT,
  useOverlapFixture,
  type ClusterPage,
} from '../../helpers/overlaps.ts';

const { t, fixture } = useOverlapFixture([['later.ndjson', LATER_OPCAT]]);

describe('clusters through GraphQL', () => {
  it("lists a state's clusters, most mechanisms first, filtered and paged", async () => {
    // A treaty body asks BRA for OP-CAT too: the OP-CAT cluster now spans two mechanisms.
    const cat = path.join(fixture.dir, 'cat.ndjson');
    fs.writeFileSync(cat, `${JSON.stringify(CAT_OPCAT)}\n`);
    await runImport({ db: t.db }, { files: [cat], format: 'ndjson' });
    await detectOverlaps({ db: t.db });

    const multi = await t.execute<ClusterPage>(clusterQuery, { min: 2 });
    expect(multi.errors).toBeUndefined();
    const page = multi.data!.state.overlapClusters;
    expect(page.totalCount).toBe(1);
    expect(page.edges[0]!.node.mechanisms).toEqual(['CAT', 'UPR']);
    expect(page.edges[0]!.node.members.map((m) => m.stableId)).toEqual([
      'OVTEST/1',
      'OVTEST/9',
      'OVTEST/2',
      'OVTEST/7',
      'OVTEST/8',
    ]);

    // Page by one: the two-mechanism cluster first, then the NHRI one, then nothing more.
    const first = (await t.execute<ClusterPage>(clusterQuery, { first: 1 })).data!.state
      .overlapClusters;
    expect(first.totalCount).toBe(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.edges[0]!.node.size).toBe(5);
    const second = (
      await t.execute<ClusterPage>(clusterQuery, { first: 1, after: first.pageInfo.endCursor })
    ).data!.state.overlapClusters;
    expect(second.edges.map((e) => e.node.members.map((m) => m.stableId))).toEqual([
      ['OVTEST/4', 'OVTEST/5'],
    ]);
    expect(second.pageInfo.hasNextPage).toBe(false);

    // The clusters the incremental run merged are those a full rebuild finds.
    const membership = () =>
      t.db.read<{ members: string[] }>(
        `MATCH (:State {iso3: 'BRA'})-[:HAS_OVERLAP_CLUSTER]->(c)-[:HAS_MEMBER]->(r)
         WITH c, r ORDER BY r.id WITH c, collect(r.id) AS members
         RETURN members ORDER BY members`,
      );
    const incremental = await membership();
    await detectOverlaps({ db: t.db }, { full: true });
    expect(await membership()).toEqual(incremental);

    const own = await t.execute<{ recommendation: { overlapCluster: { id: string } | null } }>(
      `{ recommendation(id: "OVTEST/6") { overlapCluster { id } } }`,
    );
    expect(own.data!.recommendation.overlapCluster).toBeNull();
  });
});
