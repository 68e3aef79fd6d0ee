/**
 * Issue 6: the neglect analysis on the demo data (Slovenia's overlap clusters and its demo
 * follow-up). The signals stored on the clusters must equal a fresh computation after every kind
 * of change that affects them, and the ranking must follow from them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { signToken } from '../../../src/auth/viewer.ts';
import { exportStatsCommand } from '../../../src/cli/stats.ts';
import { cypher } from '../../../src/db/cypher.ts';
import {
  computeClusterSignals,
  refreshAllClusterSignals,
  refreshOverdueSignals,
  refreshStaleStats,
  setStatsMaxStaleness,
  staleStats,
  startStatsRefresh,
  storedClusterSignals,
} from '../../../src/features/analytics-store/index.ts';
import { runImport } from '../../../src/features/imports/index.ts';
import { detectOverlaps } from '../../../src/features/overlaps/index.ts';
import { createTestApp, testLogger, type TestApp } from '../../helpers/create-test-app.ts';
import { uniqueId } from '../../helpers/factories.ts';

const JWT_SECRET = 'a-test-secret-of-at-least-32-characters';
const RUN = uniqueId('an-');
let t: TestApp;
let admin: Record<string, string>;

/** The stored signals of Slovenia's clusters equal a computation from the graph as it is. */
async function expectStoredEqualsComputed(): Promise<void> {
  const stored = await storedClusterSignals(t, ['SVN']);
  const computed = await t.db.transaction((tx) => computeClusterSignals(tx, ['SVN']));
  expect(stored.length).toBeGreaterThan(0);
  expect(stored).toEqual(computed);
}

type Row = {
  state: { iso3: string };
  clusters: number;
  multiSourceClusters: number;
  neglectedClusters: number;
  index: number;
  topThemes: { code: string }[];
  neglected: {
    cluster: { id: string; size: number };
    neglected: boolean;
    signals: {
      kind: string;
      detail: string;
      recommendations: { stableId: string; response: string | null }[];
      actions: { id: string }[];
    }[];
  }[];
};

const DRILL = `query ($filter: NeglectFilter, $all: Boolean) {
  stateNeglect(state: "svn", filter: $filter) {
    state { iso3 } clusters multiSourceClusters neglectedClusters index topThemes { code }
    neglected(all: $all, first: 60) {
      cluster { id size }
      neglected
      signals { kind detail recommendations { stableId response } actions { id } }
    }
  }
}`;

const RANKING = `query ($filter: NeglectFilter) {
  overlapNeglect(filter: $filter, first: 10) {
    totalCount
    edges { node { state { iso3 } clusters multiSourceClusters neglectedClusters index } }
  }
}`;

/** Slovenia's row, drilled down. */
async function slovenia(variables: Record<string, unknown> = {}): Promise<Row | undefined> {
  const response = await t.execute<{ stateNeglect: Row | null }>(DRILL, variables);
  expect(response.errors).toBeUndefined();
  return response.data!.stateNeglect ?? undefined;
}

/** A follow-up change: a PLANNED action on a Slovenian recommendation no action addresses yet. */
async function planActionOnFreeRecommendation(title: string, through = t): Promise<void> {
  const [free] = await t.db.read<{ id: string }>(
    `MATCH (r:Recommendation {state: 'SVN'}) WHERE NOT EXISTS { (:FollowUpAction)-[:ADDRESSES]->(r) }
     RETURN r.id AS id ORDER BY id LIMIT 1`,
  );
  const created = await through.execute(
    `mutation ($rec: ID!, $title: String!) { createFollowUpAction(input: {
       state: "SVN", title: $title, recommendationIds: [$rec] }) { __typename } }`,
    { rec: free!.id, title: `${RUN} ${title}` },
    admin,
  );
  expect(created.errors).toBeUndefined();
}

/** Deletes a test mechanism's Icelandic recommendations, their clusters and the mechanism. */
async function removeIcelandMechanism(mechanism: string): Promise<void> {
  await t.db.write(
    `MATCH (r:Recommendation {mechanism: $mechanism})
     OPTIONAL MATCH (c:OverlapCluster)-[:HAS_MEMBER]->(r)
     OPTIONAL MATCH (r)-[:FROM_SOURCE]->(s)
     DETACH DELETE c, r, s`,
    { mechanism },
  );
  await t.db.write('MATCH (m:Mechanism {code: $mechanism}) DETACH DELETE m', { mechanism });
  await refreshAllClusterSignals(t, ['ISL']);
}

/** One recommendation of a test mechanism to Iceland, as an NDJSON line takes it. */
interface IcelandRow {
  readonly id: string;
  readonly text: string;
  readonly year: number;
  readonly cycle: number;
  readonly response?: string | null;
}

/**
 * Runs `body` with a new test mechanism and a writer of NDJSON files of its Icelandic
 * recommendations (in a temporary directory); afterwards removes the mechanism's data and the
 * directory, whatever happened.
 */
async function withIcelandMechanism(
  letter: string,
  body: (
    mechanism: string,
    write: (name: string, rows: readonly IcelandRow[]) => string,
  ) => Promise<void>,
): Promise<void> {
  const mechanism = `${letter}${RUN.replace(/-/gu, '')}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recgraph-iceland-'));
  const write = (name: string, rows: readonly IcelandRow[]) => {
    const file = path.join(dir, `${name}.ndjson`);
    const line = (row: IcelandRow) =>
      JSON.stringify({
        mechanism,
        mechanismKind: 'OTHER',
        state: 'ISL',
        language: 'en',
        ...row,
      });
    fs.writeFileSync(file, `${rows.map(line).join('\n')}\n`);
    return file;
  };
  try {
    await body(mechanism, write);
  } finally {
    await removeIcelandMechanism(mechanism);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  t = createTestApp({ auth: { jwtSecret: JWT_SECRET } });
  const token = await signToken({ secret: JWT_SECRET, role: 'ADMIN', name: `${RUN}-admin` });
  admin = { authorization: `Bearer ${token}` };
});

afterAll(async () => {
  await t.db.write(
    `MATCH (a:FollowUpAction) WHERE a.createdBy = $actor
     OPTIONAL MATCH (a)-[:HAS_PROGRESS]->(p) DETACH DELETE p, a`,
    { actor: `${RUN}-admin` },
  );
  await t.db.write('MATCH (s:Assessment) WHERE s.recordedBy = $actor DETACH DELETE s', {
    actor: `${RUN}-admin`,
  });
  await t.db.write('MATCH (e:AuditEvent) WHERE e.actor = $actor DELETE e', {
    actor: `${RUN}-admin`,
  });
  await refreshAllClusterSignals(t, ['SVN']);
  await t.close();
});

describe('the neglect analysis', () => {
  it('ranks Slovenia from the signals of its clusters, with the evidence behind each', async () => {
    await expectStoredEqualsComputed();
    const row = (await slovenia({ all: true }))!;
    // The ranking has the same row.
    const ranking = await t.execute<{
      overlapNeglect: { totalCount: number; edges: { node: Partial<Row> }[] };
    }>(RANKING, {});
    expect(ranking.errors).toBeUndefined();
    const ranked = ranking.data!.overlapNeglect.edges.map((e) => e.node);
    expect(ranked.find((r) => r.state!.iso3 === 'SVN')).toEqual({
      state: { iso3: 'SVN' },
      clusters: row.clusters,
      multiSourceClusters: row.multiSourceClusters,
      neglectedClusters: row.neglectedClusters,
      index: row.index,
    });
    const indexes = ranked.map((r) => r.index!);
    expect(indexes).toEqual([...indexes].sort((a, b) => b - a));
    const computed = await t.db.transaction((tx) => computeClusterSignals(tx, ['SVN']));
    // The row's figures are those of its clusters.
    expect(row.clusters).toBe(computed.length);
    expect(row.multiSourceClusters).toBe(computed.filter((c) => c.multiSource).length);
    expect(row.neglectedClusters).toBe(computed.filter((c) => c.neglected).length);
    expect(row.index).toBeCloseTo(row.neglectedClusters / row.multiSourceClusters, 6);
    expect(row.neglectedClusters).toBeGreaterThan(0);
    expect(row.topThemes.length).toBeGreaterThan(0);
    // Neglected clusters come first; each signal names members of its own cluster, and a NOTED
    // signal only members the state noted.
    const flags = row.neglected.map((c) => c.neglected);
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    for (const c of row.neglected) {
      const members = new Set(
        (
          await t.db.read<{ id: string }>(
            'MATCH (:OverlapCluster {id: $id})-[:HAS_MEMBER]->(r) RETURN r.id AS id',
            { id: c.cluster.id },
          )
        ).map((m) => m.id),
      );
      for (const signal of c.signals) {
        for (const r of signal.recommendations) expect(members.has(r.stableId)).toBe(true);
        if (signal.kind === 'NOTED') {
          expect(signal.recommendations.length).toBeGreaterThan(0);
          for (const r of signal.recommendations) expect(r.response).toBe('NOTED');
        }
      }
      if (c.neglected) expect(c.signals.length).toBeGreaterThan(0);
    }
  });

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

  it('filters clusters by mechanism, years, theme and region', async () => {
    const all = (await slovenia())!;
    const europe = await slovenia({ filter: { regions: ['150'] } });
    expect(europe?.clusters).toBe(all.clusters);
    expect(await slovenia({ filter: { regions: ['002'] } })).toBeUndefined(); // Africa
    expect(await slovenia({ filter: { mechanisms: ['CEDAW'] } })).toBeUndefined();
    const recent = (await slovenia({ filter: { years: { from: 2020 } } }))!;
    expect(recent.clusters).toBeLessThan(all.clusters);
    const theme = all.topThemes[0]!.code;
    const themed = (await slovenia({ filter: { themes: [theme] } }))!;
    expect(themed.neglectedClusters).toBeGreaterThan(0);
    expect(themed.clusters).toBeLessThanOrEqual(all.clusters);

    // A region filter keeps each state's row as the unfiltered ranking has it (from the states'
    // stored figures) and leaves out the states outside the region (M49: Europe, through its
    // subregions).
    type Ranking = {
      overlapNeglect: { totalCount: number; edges: { node: Row & { state: { iso3: string } } }[] };
    };
    const ranking = async (filter: Record<string, unknown> | null) => {
      const response = await t.execute<Ranking>(
        `query ($filter: NeglectFilter) { overlapNeglect(filter: $filter, first: 50) {
           totalCount edges { node { state { iso3 } clusters multiSourceClusters
             neglectedClusters index topThemes { scheme code } } } } }`,
        { filter },
      );
      expect(response.errors).toBeUndefined();
      return response.data!.overlapNeglect;
    };
    const everywhere = await ranking(null);
    const inEurope = await ranking({ regions: ['150'] });
    const european = new Set(
      (
        await t.db.read<{ iso3: string }>(
          `MATCH (s:State)-[:IN_REGION]->(:Region)-[:PART_OF*0..4]->(:Region {code: '150'})
           RETURN s.iso3 AS iso3`,
        )
      ).map((row) => row.iso3),
    );
    const rows = (r: Ranking['overlapNeglect']) => r.edges.map((edge) => edge.node);
    expect(rows(inEurope)).toEqual(rows(everywhere).filter((row) => european.has(row.state.iso3)));
    expect(inEurope.totalCount).toBe(inEurope.edges.length);
    expect(inEurope.edges.length).toBeGreaterThan(0);
    expect(await ranking({ regions: ['002'] })).toEqual({ totalCount: 0, edges: [] });

    const bad = await t.execute(DRILL, { filter: { years: { from: 2020, to: 2010 } } });
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('INVALID_INPUT');
  });
});

describe('recommendationStats', () => {
  type Stats = { recommendationStats: { keys: (string | null)[]; count: number }[] };
  const STATS = `query ($filter: RecommendationFilter, $groupBy: [StatsDimension!]!) {
    recommendationStats(filter: $filter, groupBy: $groupBy) { keys count } }`;

  it('counts by one or two dimensions, as the graph says', async () => {
    const byCycle = await t.execute<Stats>(STATS, {
      filter: { states: ['SVN'] },
      groupBy: ['CYCLE'],
    });
    expect(byCycle.errors).toBeUndefined();
    const expected = await t.db.read<{ keys: string[]; count: number }>(
      `MATCH (r:Recommendation {state: 'SVN'}) RETURN [toString(r.cycle)] AS keys, count(*) AS count
       ORDER BY count DESC, keys`,
    );
    expect(byCycle.data!.recommendationStats).toEqual(expected);

    // Two dimensions: the buckets of one cycle add up to that cycle's count.
    const two = await t.execute<Stats>(STATS, {
      filter: { states: ['SVN'] },
      groupBy: ['CYCLE', 'RESPONSE'],
    });
    for (const { keys, count } of expected) {
      const sum = two
        .data!.recommendationStats.filter((b) => b.keys[0] === keys[0])
        .reduce((n, b) => n + b.count, 0);
      expect(sum).toBe(count);
    }

    // Follow-up dimensions: the demo's actions by status, and recommendations without any.
    const actions = await t.execute<Stats>(STATS, {
      filter: { states: ['SVN'] },
      groupBy: ['ACTION_STATUS'],
    });
    const statuses = new Map(actions.data!.recommendationStats.map((b) => [b.keys[0], b.count]));
    expect(statuses.get('COMPLETED')).toBeGreaterThanOrEqual(1);
    expect(statuses.get(null)).toBeGreaterThan(500);
  });

  it('serves repeated requests from its cache until the data changes, then recomputes', async () => {
    const variables = { filter: { states: ['SVN'] }, groupBy: ['ACTION_STATUS'] };
    const first = await t.execute<Stats>(STATS, variables);
    // Served again without running the aggregation (only the data version is read).
    t.queries.length = 0;
    const again = await t.execute<Stats>(STATS, variables);
    expect(again.data).toEqual(first.data);
    expect(t.queries.map((q) => q.cypher).filter((c) => c.includes('count(*) AS count'))).toEqual(
      [],
    );
    // A change: one more recommendation with a PLANNED action.
    await planActionOnFreeRecommendation('planned');
    const after = await t.execute<Stats>(STATS, variables);
    const recomputed = await t.db.read<{ keys: (string | null)[]; count: number }>(
      `MATCH (r:Recommendation {state: 'SVN'})
       CALL (r) { OPTIONAL MATCH (a:FollowUpAction)-[:ADDRESSES]->(r) WITH DISTINCT a.status AS k RETURN k }
       RETURN [k] AS keys, count(*) AS count ORDER BY count DESC, keys`,
    );
    expect(after.data!.recommendationStats).toEqual(recomputed);
    expect(after.data).not.toEqual(first.data);
  });

  it('keeps counts that do not read follow-up data cached across a follow-up change', async () => {
    const byTheme = { filter: { states: ['SVN'] }, groupBy: ['THEME'] };
    const byStatus = { filter: { states: ['SVN'] }, groupBy: ['ACTION_STATUS'] };
    const themes = await t.execute<Stats>(STATS, byTheme);
    const statuses = await t.execute<Stats>(STATS, byStatus);
    await planActionOnFreeRecommendation('cached themes');
    t.queries.length = 0;
    const themesAfter = await t.execute<Stats>(STATS, byTheme);
    // Served from the cache: no aggregation ran, and the figures are still right.
    expect(t.queries.filter((q) => q.cypher.includes('count(*) AS count'))).toEqual([]);
    expect(themesAfter.data).toEqual(themes.data);
    const statusesAfter = await t.execute<Stats>(STATS, byStatus);
    expect(t.queries.filter((q) => q.cypher.includes('count(*) AS count'))).toHaveLength(1);
    const planned = (stats: Stats) =>
      stats.recommendationStats.find((b) => b.keys[0] === 'PLANNED')?.count ?? 0;
    expect(planned(statusesAfter.data!)).toBe(planned(statuses.data!) + 1);
  });

  it('computes figures asked for by several requests at once only once', async () => {
    const variables = {
      filter: { states: ['SVN'], mechanisms: ['UPR'] },
      groupBy: ['CYCLE', 'ACTION_STATUS'],
    };
    const aggregations = () =>
      t.queries.filter((q) => q.cypher.includes('AS keys, count(*) AS count')).length;
    const recomputed = () =>
      t.db.read<{ keys: (string | null)[]; count: number }>(
        `MATCH (r:Recommendation {state: 'SVN', mechanism: 'UPR'})
         CALL (r) { OPTIONAL MATCH (a:FollowUpAction)-[:ADDRESSES]->(r) WITH DISTINCT a.status AS k RETURN k }
         RETURN [toString(r.cycle), k] AS keys, count(*) AS count ORDER BY count DESC, keys`,
      );
    const together = () =>
      Promise.all(Array.from({ length: 6 }, () => t.execute<Stats>(STATS, variables)));
    for (const when of ['first asked', 'after a change']) {
      if (when === 'after a change') await planActionOnFreeRecommendation('asked at once');
      t.queries.length = 0;
      const answers = await together();
      expect(aggregations(), when).toBe(1);
      const expected = await recomputed();
      for (const answer of answers) {
        expect(answer.errors).toBeUndefined();
        expect(answer.data!.recommendationStats).toEqual(expected);
      }
    }
  });

  it('keeps cached figures per database: another connection does not answer from them', async () => {
    // A second driver stands for another database (Community has one): nothing it asks may be
    // answered from the figures cached for the first, which could hold other data.
    const variables = { filter: { states: ['SVN'] }, groupBy: ['RESPONSE'] };
    const aggregations = (app: TestApp) =>
      app.queries.filter((q) => q.cypher.includes('AS keys, count(*) AS count')).length;
    await t.execute<Stats>(STATS, variables);
    t.queries.length = 0;
    const cached = await t.execute<Stats>(STATS, variables);
    expect(aggregations(t)).toBe(0);
    const other = createTestApp();
    try {
      const answer = await other.execute<Stats>(STATS, variables);
      expect(aggregations(other)).toBe(1);
      expect(answer.data!.recommendationStats).toEqual(cached.data!.recommendationStats);
      other.queries.length = 0;
      await other.execute<Stats>(STATS, variables);
      expect(aggregations(other)).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('sends a dashboard query its previous answer again only while the data and the viewer are the same', async () => {
    type Dashboard = {
      recommendationStats: { keys: (string | null)[]; count: number }[];
      coverageMatrix: { buckets: { keys: (string | null)[]; count: number; withAction: number }[] };
      followUpProgress: { period: string; completed: number; progressUpdates: number | null }[];
    };
    // Only fields answered from cached aggregates: the whole answer is kept
    // (graphql/served-responses.ts).
    const DASHBOARD = `query ($g: [StatsDimension!]!) {
      recommendationStats(filter: { states: ["SVN"] }, groupBy: $g) { keys count }
      coverageMatrix(filter: { states: ["SVN"] }) { buckets { keys count withAction } }
      followUpProgress(state: "SVN") { period completed progressUpdates }
    }`;
    const ask = async (app: TestApp, g: string[], headers?: Record<string, string>) => {
      const response = await app.execute<Dashboard>(DASHBOARD, { g }, headers);
      expect(response.errors).toBeUndefined();
      return response.data!;
    };
    const updates = (d: Dashboard) => d.followUpProgress.map((p) => p.progressUpdates);
    /** The answer of a new process (its own driver), which has nothing cached yet. */
    const afresh = async (g: string[]) => {
      const fresh = createTestApp({ auth: { jwtSecret: JWT_SECRET } });
      try {
        return await ask(fresh, g);
      } finally {
        await fresh.close();
      }
    };
    const first = await ask(t, ['RESPONSE']);
    t.queries.length = 0;
    expect(await ask(t, ['RESPONSE'])).toEqual(first);
    expect(t.queries).toEqual([]);

    // Other variables, another viewer: their own answers, never another's.
    const byCycle = await ask(t, ['CYCLE']);
    expect(byCycle).toEqual(await afresh(['CYCLE']));
    expect(byCycle.recommendationStats).not.toEqual(first.recommendationStats);
    expect(updates(first).every((n) => n === null)).toBe(true); // internal: anonymous sees null
    const asAdmin = await ask(t, ['RESPONSE'], admin);
    expect(updates(asAdmin).some((n) => (n ?? 0) > 0)).toBe(true);
    expect(updates(await ask(t, ['RESPONSE']))).toEqual(updates(first));
    expect(await ask(t, ['RESPONSE'], admin)).toEqual(asAdmin);

    // A change through this server: the next answer is made again, equal to a fresh one.
    await planActionOnFreeRecommendation('kept answers');
    const after = await ask(t, ['RESPONSE']);
    expect(after).toEqual(await afresh(['RESPONSE']));
    const addressed = (d: Dashboard) =>
      d.coverageMatrix.buckets.reduce((n, b) => n + b.withAction, 0);
    expect(addressed(after)).toBeGreaterThan(addressed(first));

    // A query that also asks for anything else is executed every time.
    const MIXED = `{ recommendationStats(filter: { states: ["SVN"] }, groupBy: [RESPONSE]) { count }
        recommendations(first: 1, filter: { states: ["SVN"] }) { edges { node { stableId } } } }`;
    expect((await t.execute(MIXED)).errors).toBeUndefined();
    t.queries.length = 0;
    expect((await t.execute(MIXED)).errors).toBeUndefined();
    expect(t.queries.length).toBeGreaterThan(0);
  });

  it("sees its own changes at once and another process's within the staleness allowed", async () => {
    const variables = { filter: { states: ['SVN'] }, groupBy: ['ACTION_STATUS'] };
    const versionReads = () =>
      t.queries.filter((q) => q.cypher === cypher('analytics/find-data-version')).length;
    const aggregations = () =>
      t.queries.filter((q) => q.cypher.includes('AS keys, count(*) AS count')).length;
    const recomputed = () =>
      t.db.read<{ keys: (string | null)[]; count: number }>(
        `MATCH (r:Recommendation {state: 'SVN'})
         CALL (r) { OPTIONAL MATCH (a:FollowUpAction)-[:ADDRESSES]->(r) WITH DISTINCT a.status AS k RETURN k }
         RETURN [k] AS keys, count(*) AS count ORDER BY count DESC, keys`,
      );
    // Far longer than the test takes: whatever is served from the cache below is by the setting.
    const previousStaleness = setStatsMaxStaleness(60_000);
    // Its own driver: another process, as far as caching goes.
    const other = createTestApp({ auth: { jwtSecret: JWT_SECRET } });
    try {
      await t.execute<Stats>(STATS, variables);
      t.queries.length = 0;
      await t.execute<Stats>(STATS, variables);
      expect(t.queries).toEqual([]); // neither the versions nor the figures were read

      // This process's change is seen by the next request, whatever the staleness allowed.
      await planActionOnFreeRecommendation('own change');
      t.queries.length = 0;
      const own = await t.execute<Stats>(STATS, variables);
      // Read before computing, and again after it, to file the result only if nothing changed.
      expect(versionReads()).toBe(2);
      expect(aggregations()).toBe(1);
      expect(own.data!.recommendationStats).toEqual(await recomputed());

      // Requests arriving together after a change share one read of the versions.
      await planActionOnFreeRecommendation('own change, asked at once');
      t.queries.length = 0;
      const together = await Promise.all(
        Array.from({ length: 5 }, () => t.execute<Stats>(STATS, variables)),
      );
      expect(versionReads()).toBe(2);
      expect(aggregations()).toBe(1);
      const expected = await recomputed();
      for (const answer of together) expect(answer.data!.recommendationStats).toEqual(expected);

      // Another process's change: the figures cached here are served on for the time allowed...
      const before = together[0]!.data!.recommendationStats;
      await planActionOnFreeRecommendation("another process's change", other);
      t.queries.length = 0;
      const within = await t.execute<Stats>(STATS, variables);
      expect(t.queries).toEqual([]);
      expect(within.data!.recommendationStats).toEqual(before);
      // ...and once it has passed, the next request reads the versions and recomputes.
      setStatsMaxStaleness(100);
      await new Promise((resolve) => setTimeout(resolve, 150));
      const after = await t.execute<Stats>(STATS, variables);
      expect(versionReads()).toBe(2);
      expect(aggregations()).toBe(1);
      expect(after.data!.recommendationStats).toEqual(await recomputed());
      expect(after.data!.recommendationStats).not.toEqual(before);

      // With 0, every request reads the versions.
      setStatsMaxStaleness(0);
      t.queries.length = 0;
      await t.execute<Stats>(STATS, variables);
      await t.execute<Stats>(STATS, variables);
      expect(versionReads()).toBe(2);
      expect(aggregations()).toBe(0);
    } finally {
      setStatsMaxStaleness(previousStaleness);
      await other.close();
    }
  });

  it('recomputes stale cached counts ahead of the next request, in the background too', async () => {
    const byStatus = { filter: { states: ['SVN'] }, groupBy: ['ACTION_STATUS'] };
    const recomputed = () =>
      t.db.read<{ keys: (string | null)[]; count: number }>(
        `MATCH (r:Recommendation {state: 'SVN'})
         CALL (r) { OPTIONAL MATCH (a:FollowUpAction)-[:ADDRESSES]->(r) WITH DISTINCT a.status AS k RETURN k }
         RETURN [k] AS keys, count(*) AS count ORDER BY count DESC, keys`,
      );
    await t.execute<Stats>(STATS, byStatus);
    await refreshStaleStats(t, { limit: 1000 }); // what earlier tests' changes left stale
    expect(await staleStats(t)).toBe(0);
    await planActionOnFreeRecommendation('refresh ahead');
    const stale = await staleStats(t);
    expect(stale).toBeGreaterThanOrEqual(1);
    expect(await refreshStaleStats(t)).toBe(stale);
    expect(await staleStats(t)).toBe(0);
    t.queries.length = 0;
    const after = await t.execute<Stats>(STATS, byStatus);
    expect(t.queries.filter((q) => q.cypher.includes('AS keys, count(*) AS count'))).toEqual([]);
    expect(after.data!.recommendationStats).toEqual(await recomputed());

    // The server's loop does the same once the data versions hold still between two checks.
    const stop = startStatsRefresh(t, { intervalMs: 25, logger: testLogger() });
    try {
      await planActionOnFreeRecommendation('refreshed in the background');
      expect(await staleStats(t)).toBeGreaterThanOrEqual(1);
      await vi.waitFor(async () => expect(await staleStats(t)).toBe(0), {
        timeout: 15_000,
        interval: 50,
      });
    } finally {
      stop();
    }
    t.queries.length = 0;
    const background = await t.execute<Stats>(STATS, byStatus);
    expect(t.queries.filter((q) => q.cypher.includes('AS keys, count(*) AS count'))).toEqual([]);
    expect(background.data!.recommendationStats).toEqual(await recomputed());
  });

  it('recounts REPEATS after overlap detection writes them', async () => {
    const text =
      'Establish a national human rights institution in full compliance with the Paris Principles.';
    await withIcelandMechanism('M', async (mechanism, write) => {
      const file = write('repeats', [
        { id: `${RUN}/1`, text, year: 2011, cycle: 1 },
        { id: `${RUN}/2`, text, year: 2016, cycle: 2 },
      ]);
      const byRepeats = { filter: { mechanisms: [mechanism] }, groupBy: ['REPEATS'] };
      expect((await runImport(t, { files: [file], format: 'ndjson' })).created).toBe(2);
      const before = await t.execute<Stats>(STATS, byRepeats);
      expect(before.data!.recommendationStats).toEqual([{ keys: ['FIRST_ASKED'], count: 2 }]);
      await detectOverlaps(t);
      const [link] = await t.db.read<{ later: string }>(
        `MATCH (l:Recommendation {mechanism: $mechanism})-[:REPEATS]->(:Recommendation)
         RETURN l.id AS later`,
        { mechanism },
      );
      expect(link?.later).toBe(`${RUN}/2`);
      const after = await t.execute<Stats>(STATS, byRepeats);
      expect(after.data!.recommendationStats).toEqual([
        { keys: ['FIRST_ASKED'], count: 1 },
        { keys: ['REPEATS_EARLIER'], count: 1 },
      ]);
    });
  });

  it('counts repetition by cycle and lists the longest-running repeated asks', async () => {
    const stats = await t.execute<Stats>(STATS, {
      filter: { states: ['SVN'] },
      groupBy: ['CYCLE', 'REPEATS'],
    });
    const repeating = stats
      .data!.recommendationStats.filter((b) => b.keys[1] === 'REPEATS_EARLIER')
      .reduce((n, b) => n + b.count, 0);
    const [truth] = await t.db.read<{ n: number }>(
      `MATCH (r:Recommendation {state: 'SVN'}) WHERE EXISTS { (r)-[:REPEATS]->() } RETURN count(r) AS n`,
    );
    expect(repeating).toBe(truth!.n);
    expect(repeating).toBeGreaterThan(0);

    const longest = await t.execute<{
      longestRepeatedAsks: {
        cluster: { firstYear: number; lastYear: number };
        signals: { kind: string }[];
      }[];
    }>(
      `{ longestRepeatedAsks(state: "SVN", first: 10) {
          cluster { firstYear lastYear } signals { kind } } }`,
    );
    expect(longest.errors).toBeUndefined();
    const rows = longest.data!.longestRepeatedAsks;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.signals.map((s) => s.kind)).toContain('REPEATED');
    const spans = rows.map((r) => r.cluster.lastYear - r.cluster.firstYear);
    expect(spans).toEqual([...spans].sort((a, b) => b - a));
  });

  it('exports the same buckets as CSV (recgraph export stats)', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'recgraph-stats-')), 'stats.csv');
    const count = await exportStatsCommand(t.db, {
      groupBy: 'cycle,response',
      state: ['SVN'],
      out,
    });
    const rows: string[][] = parse(fs.readFileSync(out, 'utf8'));
    expect(rows[0]).toEqual(['cycle', 'response', 'count']);
    expect(rows).toHaveLength(count + 1);
    const api = await t.execute<Stats>(STATS, {
      filter: { states: ['SVN'] },
      groupBy: ['CYCLE', 'RESPONSE'],
    });
    expect(rows.slice(1)).toEqual(
      api.data!.recommendationStats.map((b) => [...b.keys.map((k) => k ?? ''), String(b.count)]),
    );
    await expect(exportStatsCommand(t.db, { groupBy: 'colour' })).rejects.toThrow(
      /--group-by COLOUR/,
    );
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });

  it('gives the coverage matrix and the follow-up over time', async () => {
    type Matrix = {
      dimensions: string[];
      cells: number;
      axes: (string | null)[][];
      positions: number[][];
      count: number[];
      withAction: number[];
      buckets: { keys: (string | null)[]; count: number; withAction: number; coverage: number }[];
    };
    const MATRIX = `query ($g: [StatsDimension!]) {
      coverageMatrix(filter: { states: ["SVN"] }, groupBy: $g) {
        dimensions cells axes positions count withAction buckets { keys count withAction coverage } }
      state(iso3: "SVN") { followUp { recommendations recommendationsWithAction } } }`;
    const matrixOf = async (g?: string[]) => {
      const response = await t.execute<{
        coverageMatrix: Matrix;
        state: { followUp: { recommendations: number; recommendationsWithAction: number } };
      }>(MATRIX, { g });
      expect(response.errors).toBeUndefined();
      const m = response.data!.coverageMatrix;
      // The columns hold the same cells as the buckets, in the same order.
      expect(m.cells).toBe(m.buckets.length);
      expect(
        m.count.map((count, i) => ({
          keys: m.positions.map((column, d) => m.axes[d]![column[i]!]),
          count,
          withAction: m.withAction[i],
        })),
      ).toEqual(m.buckets.map(({ keys, count, withAction }) => ({ keys, count, withAction })));
      for (const c of m.buckets) expect(c.coverage).toBeCloseTo(c.withAction / c.count, 4);
      return { matrix: m, followUp: response.data!.state.followUp };
    };
    // Each recommendation has one state, cycle and mechanism: the cells add up to the state's
    // figures, which state.followUp computes another way.
    const { matrix: byCycle, followUp } = await matrixOf(['STATE', 'CYCLE', 'MECHANISM']);
    expect(byCycle.dimensions).toEqual(['STATE', 'CYCLE', 'MECHANISM']);
    expect(byCycle.count.reduce((n, c) => n + c, 0)).toBe(followUp.recommendations);
    expect(byCycle.withAction.reduce((n, c) => n + c, 0)).toBe(followUp.recommendationsWithAction);

    // By default state x theme x mechanism (several themes per recommendation): equal
    // to a recomputation in one statement, before and after a follow-up change, which recomputes
    // only the addressed counts.
    const recomputed = () =>
      t.db.read<{ keys: (string | null)[]; count: number; withAction: number }>(
        `MATCH (r:Recommendation {state: 'SVN'})
         CALL (r) { OPTIONAL MATCH (r)-[:HAS_THEME]->(t:Theme) RETURN t.scheme + ':' + t.code AS theme }
         RETURN [r.state, theme, r.mechanism] AS keys, count(*) AS count,
                count(CASE WHEN EXISTS { (:FollowUpAction)-[:ADDRESSES]->(r) } THEN 1 END) AS withAction
         ORDER BY count DESC, keys`,
      );
    const cells = (m: Matrix) =>
      m.buckets.map(({ keys, count, withAction }) => ({ keys, count, withAction }));
    const before = (await matrixOf()).matrix;
    expect(before.dimensions).toEqual(['STATE', 'THEME', 'MECHANISM']);
    expect(cells(before)).toEqual(await recomputed());
    await planActionOnFreeRecommendation('coverage');
    t.queries.length = 0;
    const after = (await matrixOf()).matrix;
    const aggregations = t.queries.filter((q) => q.cypher.includes('AS keys, count(*) AS count'));
    expect(aggregations).toHaveLength(1);
    expect(aggregations[0]!.cypher).toContain('FollowUpAction');
    expect(cells(after)).toEqual(await recomputed());
    expect(after.withAction.reduce((n, c) => n + c, 0)).toBeGreaterThan(
      before.withAction.reduce((n, c) => n + c, 0),
    );

    const overTime = await t.execute<{
      followUpProgress: {
        period: string;
        started: number;
        due: number;
        completed: number;
        progressUpdates: number | null;
      }[];
    }>(
      `{ followUpProgress(state: "SVN") { period started due completed progressUpdates } }`,
      {},
      admin,
    );
    expect(overTime.errors).toBeUndefined();
    const periods = overTime.data!.followUpProgress;
    const [actions] = await t.db.read<{ started: number; due: number; completed: number }>(
      `MATCH (a:FollowUpAction {state: 'SVN'})
       RETURN count(a.startDate) AS started, count(a.dueDate) AS due, count(a.completedDate) AS completed`,
    );
    expect(periods.reduce((n, p) => n + p.started, 0)).toBe(actions!.started);
    expect(periods.reduce((n, p) => n + p.due, 0)).toBe(actions!.due);
    expect(periods.reduce((n, p) => n + p.completed, 0)).toBe(actions!.completed);
    // The demo's Istanbul Convention action was completed in 2015.
    expect(periods.find((p) => p.period === '2015')?.completed).toBeGreaterThanOrEqual(1);
    expect(periods.map((p) => p.period)).toEqual([...periods.map((p) => p.period)].sort());
    // Progress updates are internal: counted for an admin, null for anonymous callers.
    expect(periods.some((p) => (p.progressUpdates ?? 0) > 0)).toBe(true);
    const anonymous = await t.execute<{ followUpProgress: { progressUpdates: number | null }[] }>(
      `{ followUpProgress(state: "SVN") { progressUpdates } }`,
    );
    expect(anonymous.data!.followUpProgress.every((p) => p.progressUpdates === null)).toBe(true);

    // Cached until a follow-up change, then recomputed: equal to the Cypher run afresh.
    const PROGRESS = `{ followUpProgress(state: "SVN") { period started due completed progressUpdates } }`;
    type Progress = { followUpProgress: typeof periods };
    const progressRuns = () =>
      t.queries.filter((q) => q.cypher === cypher('follow-ups/find-progress-over-time')).length;
    const fresh = () =>
      t.db.read(cypher('follow-ups/find-progress-over-time'), { state: 'SVN', length: 4 });
    t.queries.length = 0;
    const cachedProgress = await t.execute<Progress>(PROGRESS, {}, admin);
    expect(progressRuns()).toBe(0);
    expect(cachedProgress.data!.followUpProgress).toEqual(periods);
    const [free] = await t.db.read<{ id: string }>(
      `MATCH (r:Recommendation {state: 'SVN'}) RETURN r.id AS id ORDER BY id LIMIT 1`,
    );
    const started = await t.execute(
      `mutation ($rec: ID!, $title: String!) { createFollowUpAction(input: { state: "SVN",
         title: $title, startDate: "2031-03-01", recommendationIds: [$rec] }) { __typename } }`,
      { rec: free!.id, title: `${RUN} started in 2031` },
      admin,
    );
    expect(started.errors).toBeUndefined();
    const recomputedProgress = await t.execute<Progress>(PROGRESS, {}, admin);
    expect(progressRuns()).toBe(1);
    expect(recomputedProgress.data!.followUpProgress).toEqual(await fresh());
    const in2031 = (p: typeof periods) => p.find((x) => x.period === '2031')?.started ?? 0;
    expect(in2031(recomputedProgress.data!.followUpProgress)).toBe(in2031(periods) + 1);

    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'recgraph-cov-')), 'cov.csv');
    await exportStatsCommand(t.db, {
      groupBy: 'state,cycle,mechanism',
      state: ['SVN'],
      coverage: true,
      out,
    });
    const rows: string[][] = parse(fs.readFileSync(out, 'utf8'));
    expect(rows[0]).toEqual(['state', 'cycle', 'mechanism', 'count', 'with_action', 'coverage']);
    // An empty matrix still has one (empty) axis per dimension.
    const empty = await t.execute<{ coverageMatrix: Partial<Matrix> }>(
      `{ coverageMatrix(filter: { states: ["SVN"], years: { from: 2199 } }) { cells axes positions count } }`,
    );
    expect(empty.data!.coverageMatrix).toEqual({
      cells: 0,
      axes: [[], [], []],
      positions: [[], [], []],
      count: [],
    });
    // With a text search, the addressed count starts from the full-text index instead.
    const searched = await t.execute<{ coverageMatrix: { count: number[]; withAction: number[] } }>(
      `{ coverageMatrix(filter: { states: ["SVN"], text: "women" }, groupBy: [STATE]) { count withAction } }`,
    );
    const [truth] = await t.db.read<{ count: number; withAction: number }>(
      `CALL db.index.fulltext.queryNodes('recommendation_text', 'women') YIELD node AS r
       WITH r WHERE r.state = 'SVN'
       RETURN count(r) AS count,
              count(CASE WHEN EXISTS { (:FollowUpAction)-[:ADDRESSES]->(r) } THEN 1 END) AS withAction`,
    );
    expect(truth!.withAction).toBeGreaterThan(0);
    expect(searched.data!.coverageMatrix).toEqual({
      count: [truth!.count],
      withAction: [truth!.withAction],
    });

    // The same cells as the API's (with the action added above).
    const { matrix: now } = await matrixOf(['STATE', 'CYCLE', 'MECHANISM']);
    expect(rows.slice(1)).toEqual(
      now.buckets.map((b) => [
        ...b.keys.map((k) => k ?? ''),
        String(b.count),
        String(b.withAction),
        (b.withAction / b.count).toFixed(4),
      ]),
    );
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });

  it('refuses three dimensions or one twice', async () => {
    for (const groupBy of [['STATE', 'YEAR', 'CYCLE'], ['STATE', 'STATE'], []]) {
      const response = await t.execute(STATS, { groupBy });
      expect(response.errors?.[0]?.extensions?.['code'], JSON.stringify(groupBy)).toBe(
        'INVALID_INPUT',
      );
    }
  });
});
