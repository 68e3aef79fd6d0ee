/**
 * The signals stored on overlap clusters stay equal to a recomputation after every kind of change
 * that affects them: follow-up changes (actions created, updated, moved and deleted; assessments),
 * a state whose follow-up starts and stops, incremental detection runs, re-imports.
 */
import { describe, expect, it } from 'vitest';
import {
  computeClusterSignals,
  storedClusterSignals,
} from '../../../src/features/analytics-store/index.ts';
import { runImport } from '../../../src/features/imports/index.ts';
import { detectOverlaps } from '../../../src/features/overlaps/index.ts';
import { RANKING, useAnalytics } from '../../helpers/analytics.ts';

const { t, RUN, admin, expectStoredEqualsComputed, slovenia, withIcelandMechanism } =
  useAnalytics();

describe('cluster signals kept equal to a recomputation', () => {
  it('keeps the stored signals equal to a recomputation through follow-up changes', async () => {
    // Arrange: a neglected cluster of Slovenia and one of its members.
    const before = (await slovenia())!;
    const target = before.neglected[0]!;
    const [first] = await t.db.read<{ id: string }>(
      'MATCH (:OverlapCluster {id: $id})-[:HAS_MEMBER]->(r) RETURN r.id AS id ORDER BY id LIMIT 1',
      { id: target.cluster.id },
    );
    const member = first!.id;

    // A completed action on one member: the cluster is no longer neglected.
    const created = await t.execute<{
      createFollowUpAction: { __typename: string; id: string; version: number };
    }>(
      `mutation ($rec: ID!, $title: String!) { createFollowUpAction(input: {
         state: "SVN", title: $title, status: COMPLETED, recommendationIds: [$rec] }) {
         __typename ... on FollowUpAction { id version } } }`,
      { rec: member, title: `${RUN} completed` },
      admin,
    );
    expect(created.data!.createFollowUpAction.__typename).toBe('FollowUpAction');
    await expectStoredEqualsComputed();
    const after = (await slovenia())!;
    expect(after.neglectedClusters).toBe(before.neglectedClusters - 1);
    expect(after.neglected.map((c) => c.cluster.id)).not.toContain(target.cluster.id);

    // Back to IN_PROGRESS with a past due date: neglected again, now also OVERDUE.
    const { id, version } = created.data!.createFollowUpAction;
    const updated = await t.execute<{ updateFollowUpAction: { __typename: string } }>(
      `mutation ($id: ID!, $v: Int!) { updateFollowUpAction(input: {
         id: $id, expectedVersion: $v, status: IN_PROGRESS, dueDate: "2020-01-01" }) { __typename } }`,
      { id, v: version },
      admin,
    );
    expect(updated.data!.updateFollowUpAction.__typename).toBe('FollowUpAction');
    await expectStoredEqualsComputed();
    const overdue = (await slovenia())!.neglected.find((c) => c.cluster.id === target.cluster.id)!;
    const signal = overdue.signals.find((s) => s.kind === 'OVERDUE')!;
    expect(signal.actions.map((a) => a.id)).toContain(id);

    // An assessment that it is not implemented adds that signal.
    const assessed = await t.execute<{ recordAssessment: { __typename: string } }>(
      `mutation ($rec: ID!, $by: String!) { recordAssessment(input: { recommendationId: $rec,
         assessorKind: NHRI, assessor: $by, scale: "COMMON", grade: "NOT_IMPLEMENTED",
         date: "2026-01-15" }) { __typename } }`,
      { rec: member, by: `${RUN} ombudsman` },
      admin,
    );
    expect(assessed.data!.recordAssessment.__typename).toBe('Assessment');
    await expectStoredEqualsComputed();
    const kinds = (await slovenia())!.neglected
      .find((c) => c.cluster.id === target.cluster.id)!
      .signals.map((s) => s.kind);
    expect(kinds).toEqual(expect.arrayContaining(['NOT_IMPLEMENTED', 'OVERDUE']));

    // Deleting the action: back where it started, apart from the assessment.
    await t.execute(
      `mutation ($id: ID!) { deleteFollowUpAction(id: $id) { __typename } }`,
      { id },
      admin,
    );
    await expectStoredEqualsComputed();
    expect((await slovenia())!.neglectedClusters).toBe(before.neglectedClusters);
    // The unfiltered ranking reads the state's stored figures: they followed every change.
    const ranking = await t.execute<{
      overlapNeglect: { edges: { node: { state: { iso3: string }; neglectedClusters: number } }[] };
    }>(RANKING, {});
    const svn = ranking.data!.overlapNeglect.edges.find((e) => e.node.state.iso3 === 'SVN');
    expect(svn?.node.neglectedClusters).toBe(before.neglectedClusters);
  });

  it('refreshes the clusters a follow-up change reaches, and all of them when the state starts or stops being tracked', async () => {
    // Three clusters of Iceland, which has no follow-up: none of them has NO_ACTION yet.
    const state = 'ISL';
    const texts = [
      'Establish a national human rights institution in full compliance with the Paris Principles.',
      'Establish a national human rights institution in accordance with the Paris Principles.',
      'Ratify the Optional Protocol to the Convention against Torture without delay.',
      'Ratify without delay the Optional Protocol to the Convention against Torture.',
      'Adopt a comprehensive law criminalising domestic violence and marital rape.',
      'Adopt a comprehensive law that criminalises domestic violence and marital rape.',
    ];
    expect(
      await t.db.read('MATCH (a:FollowUpAction {state: $state}) RETURN a.id', { state }),
    ).toEqual([]);
    await withIcelandMechanism('F', async (mechanism, write) => {
      const file = write(
        'tracked',
        texts.map((text, i) => ({ id: `${RUN}/f${i + 1}`, text, year: 2012, cycle: 2 })),
      );
      await runImport(t, { files: [file], format: 'ndjson' });
      await detectOverlaps(t);
      const [a, b] = await t.db.read<{ cluster: string; member: string }>(
        `MATCH (c:OverlapCluster {state: $state})-[:HAS_MEMBER]->(r:Recommendation)
         WHERE r.mechanism = $mechanism
         WITH c, min(r.id) AS member RETURN c.id AS cluster, member ORDER BY member`,
        { state, mechanism },
      );
      expect(b).toBeDefined();
      const lackingAction = async () => {
        const stored = await storedClusterSignals(t, [state]);
        const computed = await t.db.transaction((tx) => computeClusterSignals(tx, [state]));
        expect(stored).toEqual(computed);
        return {
          all: stored.length,
          ids: stored.filter((c) => c.signals.includes('NO_ACTION')).map((c) => c.id),
        };
      };
      expect((await lackingAction()).ids).toEqual([]);
      try {
        // The state's first action, on a member of cluster a: every other cluster lacks one now.
        const created = await t.execute<{
          createFollowUpAction: { id: string; version: number };
        }>(
          `mutation ($state: String!, $rec: ID!, $title: String!) { createFollowUpAction(input: {
             state: $state, title: $title, recommendationIds: [$rec] }) {
             ... on FollowUpAction { id version } } }`,
          { state, rec: a!.member, title: `${RUN} first of ${state}` },
          admin,
        );
        const { id, version } = created.data!.createFollowUpAction;
        let now = await lackingAction();
        expect(now.ids).toHaveLength(now.all - 1);
        expect(now.ids).not.toContain(a!.cluster);

        // Moved to cluster b: a lacks an action again (the cluster it left is refreshed too).
        const moved = await t.execute<{ updateFollowUpAction: { __typename: string } }>(
          `mutation ($id: ID!, $v: Int!, $rec: ID!) { updateFollowUpAction(input: {
             id: $id, expectedVersion: $v, recommendationIds: [$rec] }) { __typename } }`,
          { id, v: version, rec: b!.member },
          admin,
        );
        expect(moved.data!.updateFollowUpAction.__typename).toBe('FollowUpAction');
        now = await lackingAction();
        expect(now.ids).toContain(a!.cluster);
        expect(now.ids).not.toContain(b!.cluster);

        // Deleting its only action ends the state's follow-up: no cluster has NO_ACTION.
        await t.execute(
          `mutation ($id: ID!) { deleteFollowUpAction(id: $id) { __typename } }`,
          { id },
          admin,
        );
        expect((await lackingAction()).ids).toEqual([]);
      } finally {
        await t.db.write(
          'MATCH (a:FollowUpAction {state: $state}) WHERE a.createdBy = $actor DETACH DELETE a',
          { state, actor: `${RUN}-admin` },
        );
      }
    });
  });

  it('keeps the stored signals equal to a recomputation after an incremental detection run', async () => {
    const nhri =
      'Establish a national human rights institution in full compliance with the Paris Principles.';
    const cluster = async () =>
      (
        await t.db.read<{ size: number; signals: string[] }>(
          `MATCH (c:OverlapCluster)-[:HAS_MEMBER]->(:Recommendation {id: $id})
           RETURN c.size AS size, c.signals AS signals`,
          { id: `${RUN}/g1` },
        )
      )[0];
    const islandEqualsComputed = async () => {
      const stored = await storedClusterSignals(t, ['ISL']);
      const computed = await t.db.transaction((tx) => computeClusterSignals(tx, ['ISL']));
      expect(stored).toEqual(computed);
    };
    await withIcelandMechanism('G', async (_mechanism, write) => {
      const first = write('first', [
        { id: `${RUN}/g1`, text: nhri, year: 2011, cycle: 1 },
        {
          id: `${RUN}/g2`,
          text: 'Establish a national human rights institution in accordance with the Paris Principles.',
          year: 2011,
          cycle: 1,
        },
      ]);
      const later = write('later', [{ id: `${RUN}/g3`, text: nhri, year: 2016, cycle: 2 }]);
      await runImport(t, { files: [first], format: 'ndjson' });
      await detectOverlaps(t);
      expect(await cluster()).toEqual({ size: 2, signals: [] });
      await islandEqualsComputed();
      // A later cycle asks again: the cluster grows and its members are now repeated.
      await runImport(t, { files: [later], format: 'ndjson' });
      await detectOverlaps(t);
      expect(await cluster()).toEqual({ size: 3, signals: ['REPEATED'] });
      await islandEqualsComputed();
    });
  });

  it('refreshes the signals of the clusters whose recommendations an import changes', async () => {
    const texts = [
      'Establish a national human rights institution in full compliance with the Paris Principles.',
      'Establish a national human rights institution in accordance with the Paris Principles.',
    ];
    const signals = async () =>
      (
        await t.db.read<{ signals: string[] }>(
          `MATCH (c:OverlapCluster)-[:HAS_MEMBER]->(:Recommendation {id: $id})
           RETURN c.signals AS signals`,
          { id: `${RUN}/r1` },
        )
      )[0]?.signals;
    await withIcelandMechanism('R', async (_mechanism, write) => {
      // The first recommendation's response; the same file name, so the same source.
      const rows = (response: string) =>
        write(
          'responses',
          texts.map((text, i) => ({
            id: `${RUN}/r${i + 1}`,
            text,
            year: 2012,
            cycle: 2,
            response: i === 0 ? response : null,
          })),
        );
      await runImport(t, { files: [rows('SUPPORTED')], format: 'ndjson' });
      await detectOverlaps(t);
      expect(await signals()).toEqual([]);
      // The state's position changes at the adoption of its report: imported again, NOTED.
      const again = await runImport(t, { files: [rows('NOTED')], format: 'ndjson' });
      expect(again.updated).toBe(1);
      expect(await signals()).toEqual(['NOTED']);
      const stored = await storedClusterSignals(t, ['ISL']);
      const computed = await t.db.transaction((tx) => computeClusterSignals(tx, ['ISL']));
      expect(stored).toEqual(computed);
    });
  });
});
