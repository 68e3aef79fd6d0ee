/**
 * The audit trail of a follow-up action: each change once, newest first, with who and
 * before/after; failed attempts none.
 */
import { describe, expect, it } from 'vitest';
import { useFollowUps } from '../../helpers/follow-ups.ts';

const { t, RUN, svn, headers, mutate, createAction, updateAction, addProgress } = useFollowUps();

describe('audit trail', () => {
  it('records each change once, newest first, with who and before/after; failures none', async () => {
    const created = await createAction(
      { state: 'SVN', recommendationIds: [svn[0]] },
      headers.COMMITTEE,
    );
    await updateAction(
      { id: created.id, expectedVersion: 1, status: 'IN_PROGRESS' },
      headers.COMMITTEE,
    );
    // Two failures: a stale version and a foreign committee.
    expect(
      (
        await updateAction(
          { id: created.id, expectedVersion: 1, status: 'BLOCKED' },
          headers.COMMITTEE,
        )
      ).typename,
    ).toBe('VersionConflictError');
    expect(
      (
        await updateAction(
          { id: created.id, expectedVersion: 2, status: 'BLOCKED' },
          headers.HRV_COMMITTEE,
        )
      ).typename,
    ).toBe('NotFoundError');
    await addProgress({ actionId: created.id! }, headers.COMMITTEE);
    await mutate(
      'deleteFollowUpAction',
      'id: $id, expectedVersion: $version',
      '... on FollowUpAction { id }',
      { id: created.id, version: 2 },
      headers.COMMITTEE,
    );
    const trail = await t.execute<{
      auditTrail: {
        operation: string;
        actor: string;
        role: string;
        before: string | null;
        after: string | null;
        at: string;
      }[];
    }>(
      'query ($id: ID!) { auditTrail(entityId: $id) { operation actor role before after at } }',
      { id: created.id },
      headers.ANALYST,
    );
    const events = trail.data!.auditTrail;
    console.info(
      `audit trail of one action:\n${events.map((e) => `${e.at} ${e.actor} ${e.operation} before=${e.before?.slice(0, 60) ?? 'null'} after=${e.after?.slice(0, 60) ?? 'null'}`).join('\n')}`,
    );
    expect(events.map((e) => e.operation)).toEqual([
      'DELETE_FOLLOW_UP_ACTION',
      'ADD_PROGRESS_UPDATE',
      'UPDATE_FOLLOW_UP_ACTION',
      'CREATE_FOLLOW_UP_ACTION',
    ]);
    expect(events.every((e) => e.actor === `${RUN}-COMMITTEE` && e.role === 'COMMITTEE')).toBe(
      true,
    );
    const update = events[2]!;
    expect(JSON.parse(update.before!)).toMatchObject({ status: 'PLANNED', version: 1 });
    expect(JSON.parse(update.after!)).toMatchObject({ status: 'IN_PROGRESS', version: 2 });
    // The deletion keeps what was deleted, progress included.
    expect(JSON.parse(events[0]!.before!)).toMatchObject({
      id: created.id!.replace('FollowUpAction:', ''),
      progressUpdates: [{ note: `${RUN} progress` }],
    });
    expect(events[0]!.after).toBeNull();
  });
});
