/**
 * The analytics tests run on the demo data (Slovenia's overlap clusters and its demo follow-up)
 * and on test mechanisms of their own addressed to Iceland. What a file's admin creates is
 * removed after its tests, and Slovenia's cluster signals are refreshed for the files after it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  computeClusterSignals,
  refreshAllClusterSignals,
  storedClusterSignals,
} from '../../src/features/analytics-store/index.ts';
import { bearer, JWT_SECRET } from './auth.ts';
import { useTestApp, type TestApp } from './create-test-app.ts';
import { uniqueId } from './factories.ts';

/** A state's row of the neglect analysis, drilled down to its clusters. */
export type Row = {
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

export const DRILL = `query ($filter: NeglectFilter, $all: Boolean) {
  stateNeglect(state: "svn", filter: $filter) {
    state { iso3 } clusters multiSourceClusters neglectedClusters index topThemes { code }
    neglected(all: $all, first: 60) {
      cluster { id size }
      neglected
      signals { kind detail recommendations { stableId response } actions { id } }
    }
  }
}`;

// Every ranked state of the demo (Slovenia and CLADEM's 15) fits in one page.
export const RANKING = `query ($filter: NeglectFilter) {
  overlapNeglect(filter: $filter, first: 50) {
    totalCount
    edges { node { state { iso3 } clusters multiSourceClusters neglectedClusters index } }
  }
}`;

export type Stats = { recommendationStats: { keys: (string | null)[]; count: number }[] };
export const STATS = `query ($filter: RecommendationFilter, $groupBy: [StatsDimension!]!) {
    recommendationStats(filter: $filter, groupBy: $groupBy) { keys count } }`;

/** One recommendation of a test mechanism to Iceland, as an NDJSON line takes it. */
export interface IcelandRow {
  readonly id: string;
  readonly text: string;
  readonly year: number;
  readonly cycle: number;
  readonly response?: string | null;
  readonly recommendingStates?: readonly string[];
}

/**
 * The app (taking signed tokens), an admin's request headers (from the file's beforeAll on), and
 * what the analytics tests do through them. `RUN` prefixes everything the file creates.
 */
export function useAnalytics() {
  const t = useTestApp({ auth: { jwtSecret: JWT_SECRET } });
  const RUN = uniqueId('an-');
  const admin: Record<string, string> = {};

  /** The stored signals of Slovenia's clusters equal a computation from the graph as it is. */
  async function expectStoredEqualsComputed(): Promise<void> {
    const stored = await storedClusterSignals(t, ['SVN']);
    const computed = await t.db.transaction((tx) => computeClusterSignals(tx, ['SVN']));
    expect(stored.length).toBeGreaterThan(0);
    expect(stored).toEqual(computed);
  }

  /** Slovenia's row, drilled down. */
  async function slovenia(variables: Record<string, unknown> = {}): Promise<Row | undefined> {
    const response = await t.execute<{ stateNeglect: Row | null }>(DRILL, variables);
    expect(response.errors).toBeUndefined();
    return response.data!.stateNeglect ?? undefined;
  }

  /** A follow-up change: a PLANNED action on a Slovenian recommendation no action addresses yet. */
  async function planActionOnFreeRecommendation(
    title: string,
    through: TestApp = t,
  ): Promise<void> {
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
    Object.assign(admin, await bearer('ADMIN', `${RUN}-admin`));
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
  });

  return {
    t,
    RUN,
    admin,
    expectStoredEqualsComputed,
    slovenia,
    planActionOnFreeRecommendation,
    withIcelandMechanism,
  };
}
