/**
 * A follow-up change locks a state as overlap detection does, State first, so the two wait for
 * each other instead of deadlocking.
 */
import { describe, expect, inject, it } from 'vitest';
import { cypher } from '../../../src/db/cypher.ts';
import { useAnalytics } from '../../helpers/analytics.ts';

const { t, RUN, admin, expectStoredEqualsComputed } = useAnalytics();

describe('follow-up changes while overlap detection runs', () => {
  it('makes a follow-up change wait for the state lock that detection takes first, instead of deadlocking with it', async () => {
    const [target] = await t.db.read<{ cluster: string; member: string }>(
      `MATCH (c:OverlapCluster {state: 'SVN'})-[:HAS_MEMBER]->(r:Recommendation)
       RETURN c.id AS cluster, min(r.id) AS member ORDER BY cluster LIMIT 1`,
    );
    // Another transaction in detection's order: the State first (overlaps/lock-state) ...
    const session = t.driver.session({ database: inject('neo4jDatabase') });
    const tx = session.beginTransaction();
    try {
      await tx.run(cypher('overlaps/lock-state'), { state: 'SVN' });
      const change = t.execute<{ createFollowUpAction: { __typename: string } }>(
        `mutation ($rec: ID!, $title: String!) { createFollowUpAction(input: {
           state: "SVN", title: $title, recommendationIds: [$rec] }) { __typename } }`,
        { rec: target!.member, title: `${RUN} while detecting` },
        admin,
      );
      // ... while the follow-up change has had time to lock whatever it takes before the State ...
      await new Promise((resolve) => setTimeout(resolve, 500));
      // ... then one of the state's clusters. Had the change locked that cluster before the
      // State, this would be a deadlock, and Neo4j would fail one of the two.
      await tx.run('MATCH (c:OverlapCluster {id: $id}) SET c.size = c.size', {
        id: target!.cluster,
      });
      await tx.commit();
      const result = await change;
      expect(result.errors).toBeUndefined();
      expect(result.data!.createFollowUpAction.__typename).toBe('FollowUpAction');
      await expectStoredEqualsComputed();
    } finally {
      if (tx.isOpen()) await tx.rollback();
      await session.close();
    }
  });
});
