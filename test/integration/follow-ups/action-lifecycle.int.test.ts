/**
 * A committee's follow-up action on its own state: created with agencies and recommendations,
 * updated, progress reported, then seen from the recommendation and the state's summary.
 */
import { describe, expect, it } from 'vitest';
import { useFollowUps } from '../../helpers/follow-ups.ts';

const { t, RUN, svn, headers, mutate, createAction, updateAction, createAgency } = useFollowUps();

describe('actions', () => {
  it('creates, reads, updates and deletes an action of its own state, with links and history', async () => {
    // Arrange: an agency of Slovenia, by Slovenia's committee.
    const agency = await createAgency({ state: 'SVN', name: `${RUN} Ministry` }, headers.COMMITTEE);
    expect(agency.typename).toBe('Agency');
    // Act: create, update, report progress.
    const created = await createAction(
      {
        state: 'svn',
        description: 'first',
        dueDate: '2027-06-30',
        recommendationIds: [svn[0], `Recommendation:${svn[1]}`],
        agencyIds: [agency.id],
      },
      headers.COMMITTEE,
    );
    expect(created).toMatchObject({ typename: 'FollowUpAction', version: 1, status: 'PLANNED' });
    const updated = await updateAction(
      { id: created.id, expectedVersion: 1, status: 'IN_PROGRESS', description: null },
      headers.COMMITTEE,
    );
    expect(updated).toMatchObject({ version: 2, status: 'IN_PROGRESS', description: null });
    const progress = await mutate(
      'addProgressUpdate',
      'input: $progress',
      '... on ProgressUpdate { id status note action { version status completedDate } }',
      {
        progress: {
          actionId: created.id,
          date: '2026-03-01',
          note: 'Law adopted',
          status: 'COMPLETED',
          evidenceUrl: 'https://example.org/law',
        },
      },
      headers.COMMITTEE,
    );
    expect(progress).toMatchObject({
      typename: 'ProgressUpdate',
      status: 'COMPLETED',
      action: { version: 3, status: 'COMPLETED', completedDate: '2026-03-01' },
    });
    // Assert: the recommendation sees the action, the state's summary counts it.
    const read = await t.execute<{
      node: { actions: { id: string; agencies: { name: string }[] }[] };
      state: { followUp: { recommendationsWithAction: number; coverage: number } };
    }>(
      `query ($id: ID!) {
         node(id: $id) { ... on Recommendation { actions { id agencies { name } } } }
         state(iso3: "SVN") { followUp { recommendationsWithAction coverage } }
       }`,
      { id: `Recommendation:${svn[1]}` },
      headers.COMMITTEE,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.node.actions.map((a) => a.id)).toContain(created.id);
    expect(read.data!.state.followUp.recommendationsWithAction).toBeGreaterThanOrEqual(2);
    expect(read.data!.state.followUp.coverage).toBeGreaterThan(0);
  });
});
