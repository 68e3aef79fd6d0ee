/**
 * OVERDUE signals are brought up to date when a due date passes, once a day.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  refreshAllClusterSignals,
  refreshOverdueSignals,
} from '../../../src/features/analytics-store/index.ts';
import { useAnalytics } from '../../helpers/analytics.ts';

const { t, RUN, admin, expectStoredEqualsComputed } = useAnalytics();

describe('OVERDUE signals', () => {
  it('brings OVERDUE up to date when a due date passes, once a day', async () => {
    const [target] = await t.db.read<{ cluster: string; member: string }>(
      `MATCH (c:OverlapCluster {state: 'SVN'})-[:HAS_MEMBER]->(r:Recommendation)
       RETURN c.id AS cluster, min(r.id) AS member ORDER BY cluster LIMIT 1`,
    );
    const overdue = async () =>
      (
        await t.db.read<{ signals: string[] }>(
          'MATCH (c:OverlapCluster {id: $id}) RETURN c.signals AS signals',
          { id: target!.cluster },
        )
      )[0]!.signals.includes('OVERDUE');
    const created = await t.execute<{ createFollowUpAction: { id: string } }>(
      `mutation ($rec: ID!, $title: String!) { createFollowUpAction(input: {
         state: "SVN", title: $title, status: IN_PROGRESS, dueDate: "2030-01-01",
         recommendationIds: [$rec] }) { ... on FollowUpAction { id } } }`,
      { rec: target!.member, title: `${RUN} due in 2030` },
      admin,
    );
    expect(created.data!.createFollowUpAction.id).toBeDefined();
    expect((await refreshOverdueSignals(t)).day).toBe(new Date().toISOString().slice(0, 10));
    expect(await overdue()).toBe(false);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      // The day after it fell due, nothing having been written since.
      vi.setSystemTime(new Date('2030-01-02T08:00:00Z'));
      const first = await refreshOverdueSignals(t);
      expect(first.day).toBe('2030-01-02');
      expect(first.states).toBeGreaterThanOrEqual(1);
      expect(await overdue()).toBe(true);
      await expectStoredEqualsComputed();
      // Later the same day: one lookup, nothing refreshed.
      vi.setSystemTime(new Date('2030-01-02T17:00:00Z'));
      expect(await refreshOverdueSignals(t)).toMatchObject({ states: 0 });
      // A refresh of every state (`recgraph analytics refresh`) judges OVERDUE that day too.
      vi.setSystemTime(new Date('2030-01-05T08:00:00Z'));
      await refreshAllClusterSignals(t);
      const [judged] = await t.db.read<{ day: string }>(
        "MATCH (v:DataVersion {id: 'follow-up'}) RETURN toString(v.overdueJudgedOn) AS day",
      );
      expect(judged!.day).toBe('2030-01-05');
    } finally {
      vi.useRealTimers();
      await t.execute(
        'mutation ($id: ID!) { deleteFollowUpAction(id: $id) { __typename } }',
        { id: created.data!.createFollowUpAction.id },
        admin,
      );
      // Every cluster judged again on the real day, for the tests that follow.
      await refreshAllClusterSignals(t);
    }
  });
});
