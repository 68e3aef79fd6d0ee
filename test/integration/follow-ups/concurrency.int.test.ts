/**
 * Optimistic versions under 50 concurrent writers: one update per version applies, retrying
 * writers lose nothing, concurrent progress updates are all kept.
 */
import { describe, expect, it } from 'vitest';
import { useFollowUps } from '../../helpers/follow-ups.ts';

const { t, RUN, headers, updateAction, fixture, addProgress, countAudit } = useFollowUps();

describe('concurrency', () => {
  it('50 concurrent updates of one version: one applies, 49 get a conflict, one audit entry', async () => {
    const f = await fixture('SVN');
    const before = await countAudit();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        updateAction(
          { id: f.actionId, expectedVersion: 1, title: `${RUN} writer ${i}` },
          headers.COMMITTEE,
        ),
      ),
    );
    const winners = results.filter((r) => r.typename === 'FollowUpAction');
    const conflicts = results.filter((r) => r.typename === 'VersionConflictError');
    console.info(
      `race of 50 on version 1: ${winners.length} applied, ${conflicts.length} conflicts`,
    );
    expect(winners).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    expect(conflicts.every((c) => c.currentVersion === 2)).toBe(true);
    expect(await countAudit()).toBe(before + 1);
    const [stored] = await t.db.read<{ title: string; version: number }>(
      'MATCH (a:FollowUpAction {id: $id}) RETURN a.title AS title, a.version AS version',
      { id: f.actionId },
    );
    expect(stored).toEqual({ title: winners[0]!.title, version: 2 });
  });

  it('50 concurrent writers retrying on conflict: all 50 changes applied in turn, none lost', async () => {
    const f = await fixture('SVN');
    let attempts = 0;
    const writer = async (i: number) => {
      let version = 1;
      for (;;) {
        attempts++;
        const r = await updateAction(
          { id: f.actionId, expectedVersion: version, title: `${RUN} writer ${i}` },
          headers.COMMITTEE,
        );
        if (r.typename === 'FollowUpAction') return;
        expect(r.typename).toBe('VersionConflictError');
        version = r.currentVersion as number;
      }
    };
    await Promise.all(Array.from({ length: 50 }, (_, i) => writer(i)));
    const trail = await t.execute<{ auditTrail: { operation: string; before: string }[] }>(
      'query ($id: ID!) { auditTrail(entityId: $id, first: 500) { operation before } }',
      { id: f.actionId },
      headers.COMMITTEE,
    );
    const updates = trail.data!.auditTrail.filter((e) => e.operation === 'UPDATE_FOLLOW_UP_ACTION');
    const versions = updates.map((e) => (JSON.parse(e.before) as { version: number }).version);
    console.info(`50 retrying writers: ${attempts} attempts, ${updates.length} updates applied`);
    // Each update was based on the one before it: versions 1..50, newest first, no gaps.
    expect(versions).toEqual(Array.from({ length: 50 }, (_, i) => 50 - i));
    const [stored] = await t.db.read<{ version: number }>(
      'MATCH (a:FollowUpAction {id: $id}) RETURN a.version AS version',
      { id: f.actionId },
    );
    expect(stored!.version).toBe(51);
  });

  it('50 concurrent progress updates on one action are all kept', async () => {
    const f = await fixture('SVN');
    await Promise.all(Array.from({ length: 50 }, () => addProgress(f, headers.COMMITTEE)));
    const [row] = await t.db.read<{ n: number }>(
      'MATCH (:FollowUpAction {id: $id})-[:HAS_PROGRESS]->(p) RETURN count(p) AS n',
      { id: f.actionId },
    );
    expect(row!.n).toBe(50);
  });
});
