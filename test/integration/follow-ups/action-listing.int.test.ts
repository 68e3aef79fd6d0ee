/**
 * Lists of follow-up actions: by filter, soonest due first, and the overdue ones.
 */
import { describe, expect, it } from 'vitest';
import { useFollowUps } from '../../helpers/follow-ups.ts';

const { t, hrv, createAction } = useFollowUps();

describe('listing actions', () => {
  it('lists actions by filter, soonest due first, and overdue ones', async () => {
    const overdue = await createAction({
      state: 'HRV',
      dueDate: '2020-01-01',
      recommendationIds: [hrv[1]],
    });
    const later = await createAction({
      state: 'HRV',
      dueDate: '2030-01-01',
      recommendationIds: [hrv[1]],
    });
    const undated = await createAction({ state: 'HRV', recommendationIds: [hrv[1]] });
    const response = await t.execute<{
      actions: { totalCount: number; edges: { node: { id: string; overdue: boolean } }[] };
      overdueActions: { id: string }[];
      notOverdue: { edges: { node: { id: string } }[] };
    }>(
      `query ($rec: ID!) {
         actions(filter: { states: ["HRV"], recommendationId: $rec }, first: 10) {
           totalCount edges { node { id overdue } } }
         overdueActions(state: "hrv") { id }
         notOverdue: actions(filter: { recommendationId: $rec, overdue: false }) { edges { node { id } } }
       }`,
      { rec: hrv[1] },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.actions.totalCount).toBe(3);
    // Soonest due first; an action without a due date last, and never overdue.
    expect(response.data!.actions.edges.map((e) => [e.node.id, e.node.overdue])).toEqual([
      [overdue.id, true],
      [later.id, false],
      [undated.id, false],
    ]);
    expect(response.data!.notOverdue.edges.map((e) => e.node.id)).toEqual([later.id, undated.id]);
    expect(response.data!.overdueActions.map((a) => a.id)).toContain(overdue.id);
    expect(response.data!.overdueActions.map((a) => a.id)).not.toContain(later.id);
  });
});
