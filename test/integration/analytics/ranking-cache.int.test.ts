/**
 * Rankings and drill-downs are served from the cache until the signals of the clusters they
 * read change.
 */
import { describe, expect, it } from 'vitest';
import { cypher } from '../../../src/db/cypher.ts';
import { JWT_SECRET } from '../../helpers/auth.ts';
import { createTestApp, type TestApp } from '../../helpers/create-test-app.ts';
import { DRILL, RANKING, useAnalytics } from '../../helpers/analytics.ts';

const { t, RUN, admin, slovenia } = useAnalytics();

describe('the cache of the neglect analysis', () => {
  it("serves rankings and drill-downs from its cache until the clusters' signals change", async () => {
    const reads = () =>
      t.queries.filter((q) =>
        [
          cypher('analytics/rank-states'),
          cypher('analytics/rank-states-summary'),
          cypher('analytics/find-state-clusters-signals'),
        ].includes(q.cypher),
      ).length;
    // Another driver has its own cache: what it answers is computed afresh.
    const fresh = createTestApp({ auth: { jwtSecret: JWT_SECRET } });
    try {
      const both = async (app: TestApp) =>
        Promise.all([app.execute(RANKING, {}), app.execute(DRILL, { all: true })]);
      const first = await both(t);
      t.queries.length = 0;
      const again = await both(t);
      expect(reads()).toBe(0);
      expect(again).toEqual(first);

      // A completed action on a member of a neglected cluster changes its signals.
      const target = (await slovenia())!.neglected[0]!;
      const [member] = await t.db.read<{ id: string }>(
        'MATCH (:OverlapCluster {id: $id})-[:HAS_MEMBER]->(r) RETURN r.id AS id ORDER BY id LIMIT 1',
        { id: target.cluster.id },
      );
      const created = await t.execute(
        `mutation ($rec: ID!, $title: String!) { createFollowUpAction(input: {
           state: "SVN", title: $title, status: COMPLETED, recommendationIds: [$rec] }) {
           __typename } }`,
        { rec: member!.id, title: `${RUN} cached ranking` },
        admin,
      );
      expect(created.errors).toBeUndefined();
      t.queries.length = 0;
      const after = await both(t);
      expect(reads()).toBe(3); // the ranking, Slovenia's row and its clusters
      expect(after).toEqual(await both(fresh));
      expect(after).not.toEqual(first);
    } finally {
      await fresh.close();
    }
  });
});
