/**
 * Issue 4: overlap detection on the real Neo4j. A small Brazil fixture (OP-CAT asked in English
 * and French over two cycles, CAT itself, an NHRI under two names, an unrelated ask) goes through
 * import, `detectOverlaps`, the GraphQL fields and the CSV export; then incremental detection and
 * a full rebuild that keeps a reviewer's decision.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Plan } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportOverlapsCommand } from '../../../src/cli/overlaps.ts';
import { runImport } from '../../../src/features/imports/index.ts';
import { signToken } from '../../../src/auth/viewer.ts';
import { cypher } from '../../../src/db/cypher.ts';
import { cypherMigrations } from '../../../src/db/migrate.ts';
import { DETECTOR_VERSION, detectOverlaps } from '../../../src/features/overlaps/index.ts';
import { createTestApp, type TestApp } from '../../helpers/create-test-app.ts';

const FIXTURE = path.join(import.meta.dirname, '../../fixtures/overlaps-sample.ndjson');
const ADMIN_TOKEN = 'test-admin-token-0123456789';
const asAdmin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const JWT_SECRET = 'a-test-secret-of-at-least-32-characters';
const bearer = async (role: 'COMMITTEE' | 'REVIEWER', name: string) => ({
  authorization: `Bearer ${await signToken({ secret: JWT_SECRET, role, name, states: ['BRA'] })}`,
});
let t: TestApp;
let dir: string;

async function cleanup(): Promise<void> {
  await t.db.write(
    `MATCH (e:AuditEvent {entityType: 'Overlap'}) WHERE e.entityId CONTAINS 'OVTEST/' DELETE e`,
  );
  await t.db.write(
    `MATCH (c:OverlapCluster)-[:HAS_MEMBER]->(r:Recommendation) WHERE r.id STARTS WITH 'OVTEST/' DETACH DELETE c`,
  );
  await t.db.write(
    `MATCH (r:Recommendation) WHERE r.id STARTS WITH 'OVTEST/'
     OPTIONAL MATCH (r)-[:FROM_SOURCE]->(s) DETACH DELETE r, s`,
  );
  await t.db.write(`MATCH (d:Document) WHERE d.symbol STARTS WITH 'OVTEST/' DETACH DELETE d`);
}

beforeAll(async () => {
  t = createTestApp({ auth: { adminToken: ADMIN_TOKEN, jwtSecret: JWT_SECRET } });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recgraph-overlaps-'));
  await cleanup();
  const imported = await runImport({ db: t.db }, { files: [FIXTURE], format: 'ndjson' });
  expect(imported.created).toBe(7);
  await detectOverlaps({ db: t.db });
});
afterAll(async () => {
  await cleanup();
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Link = {
  a: string;
  b: string;
  kind: string;
  status: string;
  score: number;
  signature: string | null;
};
/** The operators of a statement's plan (EXPLAIN: planned, not run). */
async function explainOperators(text: string, params: Record<string, unknown>) {
  const { summary } = await t.driver.executeQuery(`EXPLAIN ${text}`, params, {
    database: t.db.database,
  });
  const operators: string[] = [];
  const walk = (plan: Plan) => {
    operators.push(plan.operatorType.replace(/@.*$/u, ''));
    plan.children.forEach(walk);
  };
  walk(summary.plan as Plan);
  return operators;
}

const links = () =>
  t.db.read<Link>(
    `MATCH (a:Recommendation)-[o:OVERLAPS]->(b:Recommendation) WHERE a.id STARTS WITH 'OVTEST/'
     RETURN a.id AS a, b.id AS b, o.kind AS kind, o.status AS status, o.score AS score, o.signature AS signature
     ORDER BY a, b`,
  );

describe('detection', () => {
  it('links the same ask across wording, language and cycle, and nothing else', async () => {
    const pairs = (await links()).map((l) => `${l.a}~${l.b}`);
    expect(pairs).toEqual([
      'OVTEST/1~OVTEST/2',
      'OVTEST/1~OVTEST/7',
      'OVTEST/2~OVTEST/7',
      'OVTEST/4~OVTEST/5',
    ]);
    const nhri = (await links()).find((l) => l.a === 'OVTEST/4')!;
    expect(nhri.signature).toContain('NHRI');
    expect((await links()).every((l) => l.status === 'SUGGESTED')).toBe(true);
  });

  it('stores REPEATS from the later cycle to the earlier one, and clusters per state', async () => {
    const repeats = await t.db.read<{ from: string; to: string; basis: string }>(
      `MATCH (l:Recommendation)-[x:REPEATS]->(e:Recommendation) WHERE l.id STARTS WITH 'OVTEST/'
       RETURN l.id AS from, e.id AS to, x.basis AS basis ORDER BY from, to`,
    );
    expect(repeats).toEqual([
      { from: 'OVTEST/2', to: 'OVTEST/1', basis: 'LATER_CYCLE' },
      { from: 'OVTEST/5', to: 'OVTEST/4', basis: 'LATER_CYCLE' },
      { from: 'OVTEST/7', to: 'OVTEST/1', basis: 'LATER_CYCLE' },
    ]);
    const clusters = await t.db.read<{ members: string[]; years: number[] }>(
      `MATCH (:State {iso3: 'BRA'})-[:HAS_OVERLAP_CLUSTER]->(c)-[:HAS_MEMBER]->(r) WHERE r.id STARTS WITH 'OVTEST/'
       WITH c, r ORDER BY r.id
       WITH c, collect(r.id) AS members
       RETURN members, c.years AS years ORDER BY members`,
    );
    expect(clusters).toEqual([
      { members: ['OVTEST/1', 'OVTEST/2', 'OVTEST/7'], years: [2008, 2012] },
      { members: ['OVTEST/4', 'OVTEST/5'], years: [2008, 2012] },
    ]);
  });

  it('answers Recommendation.overlaps, repeats and repeatedBy with evidence', async () => {
    const res = await t.execute<{
      recommendation: {
        overlaps: {
          recommendation: { stableId: string };
          kind: string;
          methods: string[];
          evidence: { sharedTerms: string[]; signature: string };
        }[];
        repeatedBy: { recommendation: { stableId: string }; basis: string }[];
      };
    }>(`{ recommendation(id: "OVTEST/1") {
          overlaps(minScore: 0.5, kinds: [SAME]) { recommendation { stableId } kind methods evidence { sharedTerms signature } }
          repeatedBy { recommendation { stableId } basis } } }`);
    expect(res.errors).toBeUndefined();
    const r = res.data!.recommendation;
    expect(r.overlaps.map((o) => o.recommendation.stableId).sort()).toEqual([
      'OVTEST/2',
      'OVTEST/7',
    ]);
    expect(r.overlaps[0]!.methods).toContain('SIGNATURE');
    expect(r.overlaps[0]!.evidence.sharedTerms).toContain('@opcat');
    expect(r.repeatedBy.map((x) => x.recommendation.stableId).sort()).toEqual([
      'OVTEST/2',
      'OVTEST/7',
    ]);
  });

  it('exports one CSV row per stored pair', async () => {
    const out = path.join(dir, 'overlaps.csv');
    await exportOverlapsCommand(t.db, out);
    const lines = fs.readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('a_id,b_id,score,kind,methods,status');
    const row = lines.find((l) => l.startsWith('OVTEST/1,OVTEST/2,'));
    expect(row).toMatch(/^OVTEST\/1,OVTEST\/2,[\d.]+,SAME,LEXICAL\+SIGNATURE,SUGGESTED$/);
  });
});

describe('incremental and full runs', () => {
  it('compares only new recommendations, and a full rebuild keeps reviewed decisions', async () => {
    const again = await detectOverlaps({ db: t.db });
    expect(again.compared).toBe(0);

    const later = path.join(dir, 'later.ndjson');
    fs.writeFileSync(
      later,
      `${JSON.stringify({ id: 'OVTEST/8', mechanism: 'UPR', state: 'BRA', text: 'Ratify without delay the OP-CAT.', language: 'en', year: 2017, cycle: 3, documentSymbol: 'OVTEST/C3' })}\n`,
    );
    await runImport({ db: t.db }, { files: [later], format: 'ndjson' });
    const incremental = await detectOverlaps({ db: t.db });
    expect(incremental.compared).toBe(1);
    expect((await links()).filter((l) => l.b === 'OVTEST/8').map((l) => l.a)).toEqual([
      'OVTEST/1',
      'OVTEST/2',
      'OVTEST/7',
    ]);

    await t.db.write(
      `MATCH (:Recommendation {id: 'OVTEST/1'})-[o:OVERLAPS]->(:Recommendation {id: 'OVTEST/2'})
       SET o.status = 'REJECTED', o.reviewedBy = 'test'`,
    );
    await detectOverlaps({ db: t.db }, { full: true });
    const after = await links();
    expect(after.find((l) => l.a === 'OVTEST/1' && l.b === 'OVTEST/2')?.status).toBe('REJECTED');
    expect(after.filter((l) => l.status === 'SUGGESTED')).toHaveLength(6);
  });
});

describe('clusters, similarity search and review through GraphQL', () => {
  type ClusterPage = {
    state: {
      overlapClusters: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: {
          node: { id: string; mechanisms: string[]; size: number; members: { stableId: string }[] };
        }[];
      };
    };
  };
  const clusterQuery = `query ($min: Int, $first: Int, $after: String) { state(iso3: "BRA") {
      overlapClusters(minMechanisms: $min, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { id mechanisms size members { stableId } } } } } }`;

  it("lists a state's clusters, most mechanisms first, filtered and paged", async () => {
    // A treaty body asks BRA for OP-CAT too: the OP-CAT cluster now spans two mechanisms.
    const cat = path.join(dir, 'cat.ndjson');
    fs.writeFileSync(
      cat,
      `${JSON.stringify({ id: 'OVTEST/9', mechanism: 'CAT', state: 'BRA', text: 'The State party should ratify the Optional Protocol to the Convention against Torture.', language: 'en', year: 2009, documentSymbol: 'OVTEST/CAT' })}\n`,
    );
    await runImport({ db: t.db }, { files: [cat], format: 'ndjson' });
    await detectOverlaps({ db: t.db });

    const multi = await t.execute<ClusterPage>(clusterQuery, { min: 2 });
    expect(multi.errors).toBeUndefined();
    const page = multi.data!.state.overlapClusters;
    expect(page.totalCount).toBe(1);
    expect(page.edges[0]!.node.mechanisms).toEqual(['CAT', 'UPR']);
    expect(page.edges[0]!.node.members.map((m) => m.stableId)).toEqual([
      'OVTEST/1',
      'OVTEST/9',
      'OVTEST/2',
      'OVTEST/7',
      'OVTEST/8',
    ]);

    // Page by one: the two-mechanism cluster first, then the NHRI one, then nothing more.
    const first = (await t.execute<ClusterPage>(clusterQuery, { first: 1 })).data!.state
      .overlapClusters;
    expect(first.totalCount).toBe(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.edges[0]!.node.size).toBe(5);
    const second = (
      await t.execute<ClusterPage>(clusterQuery, { first: 1, after: first.pageInfo.endCursor })
    ).data!.state.overlapClusters;
    expect(second.edges.map((e) => e.node.members.map((m) => m.stableId))).toEqual([
      ['OVTEST/4', 'OVTEST/5'],
    ]);
    expect(second.pageInfo.hasNextPage).toBe(false);

    // The clusters the incremental run merged are those a full rebuild finds.
    const membership = () =>
      t.db.read<{ members: string[] }>(
        `MATCH (:State {iso3: 'BRA'})-[:HAS_OVERLAP_CLUSTER]->(c)-[:HAS_MEMBER]->(r)
         WITH c, r ORDER BY r.id WITH c, collect(r.id) AS members
         RETURN members ORDER BY members`,
      );
    const incremental = await membership();
    await detectOverlaps({ db: t.db }, { full: true });
    expect(await membership()).toEqual(incremental);

    const own = await t.execute<{ recommendation: { overlapCluster: { id: string } | null } }>(
      `{ recommendation(id: "OVTEST/6") { overlapCluster { id } } }`,
    );
    expect(own.data!.recommendation.overlapCluster).toBeNull();
  });

  it('finds recommendations similar to a draft, in one state or across all', async () => {
    type Similar = {
      similarRecommendations: {
        score: number;
        kind: string;
        recommendation: { stableId: string };
        evidence: { sharedTerms: string[] };
      }[];
    };
    const inState = await t.execute<Similar>(
      `{ similarRecommendations(text: "Ratify promptly the Optional Protocol to the Convention against Torture", state: "bra", first: 10) {
          score kind recommendation { stableId } evidence { sharedTerms } } }`,
    );
    expect(inState.errors).toBeUndefined();
    const found = inState.data!.similarRecommendations;
    expect(found.map((m) => m.recommendation.stableId).sort()).toEqual([
      'OVTEST/1',
      'OVTEST/2',
      'OVTEST/7',
      'OVTEST/8',
      'OVTEST/9',
    ]);
    expect(found.map((m) => m.score)).toEqual([...found.map((m) => m.score)].sort((x, y) => y - x));
    expect(found[0]!.evidence.sharedTerms).toContain('@opcat');

    // No state: the full-text index proposes candidates everywhere (here, the NHRI asks).
    const anywhere = await t.execute<Similar>(
      `{ similarRecommendations(text: "Create an independent national human rights institution in line with the Paris Principles") {
          recommendation { stableId } } }`,
    );
    expect(anywhere.errors).toBeUndefined();
    const ids = anywhere.data!.similarRecommendations.map((m) => m.recommendation.stableId);
    expect(ids).toEqual(expect.arrayContaining(['OVTEST/4', 'OVTEST/5']));
    expect(ids).not.toContain('OVTEST/6');

    const bad = await t.execute(`{ similarRecommendations(text: "  ") { score } }`);
    expect(bad.errors?.[0]?.message).toMatch(/text/);
  });

  type Review = {
    reviewOverlap: {
      __typename: string;
      message?: string;
      id?: string;
      status?: string;
      reviewedBy?: string;
      reviewNote?: string;
    };
  };
  const review = `mutation ($id: ID!, $decision: OverlapDecision!, $note: String) {
      reviewOverlap(id: $id, decision: $decision, note: $note) {
        __typename
        ... on Error { message }
        ... on Overlap { id status reviewedBy reviewNote } } }`;
  const nhriLink = JSON.stringify(['OVTEST/4', 'OVTEST/5']);

  it('lets only a reviewer confirm or reject a link, and a rejection splits the cluster', async () => {
    // Anonymous: a typed Forbidden result, and nothing written.
    const anonymous = await t.execute<Review>(review, { id: nhriLink, decision: 'REJECTED' });
    expect(anonymous.data!.reviewOverlap.__typename).toBe('ForbiddenError');
    // A token that is not the admin's: 401 for the whole request.
    const wrong = await t.app.fetch('http://recgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-the-token' },
      body: JSON.stringify({ query: review, variables: { id: nhriLink, decision: 'REJECTED' } }),
    });
    expect(wrong.status).toBe(401);
    expect((await links()).find((l) => l.a === 'OVTEST/4')?.status).toBe('SUGGESTED');

    // The admin: malformed and unknown ids are typed errors.
    const malformed = await t.execute<Review>(
      review,
      { id: 'OVTEST/4', decision: 'CONFIRMED' },
      asAdmin,
    );
    expect(malformed.data!.reviewOverlap.__typename).toBe('InvalidInputError');
    const unknown = await t.execute<Review>(
      review,
      { id: JSON.stringify(['OVTEST/4', 'OVTEST/6']), decision: 'CONFIRMED' },
      asAdmin,
    );
    expect(unknown.data!.reviewOverlap.__typename).toBe('NotFoundError');

    // Rejecting the only NHRI link (ids given in either order) removes that cluster.
    const rejected = await t.execute<Review>(
      review,
      {
        id: JSON.stringify(['OVTEST/5', 'OVTEST/4']),
        decision: 'REJECTED',
        note: 'an NHRI vs a new one',
      },
      asAdmin,
    );
    expect(rejected.data!.reviewOverlap).toEqual({
      __typename: 'Overlap',
      id: nhriLink,
      status: 'REJECTED',
      reviewedBy: 'admin',
      reviewNote: 'an NHRI vs a new one',
    });
    const clusters = (await t.execute<ClusterPage>(clusterQuery, {})).data!.state.overlapClusters;
    expect(clusters.edges.map((e) => e.node.size)).toEqual([5]);

    // A committee's token may not review; a reviewer's may, and is recorded by name. Confirming
    // the link again brings the cluster back; a full rebuild keeps the decision.
    const committee = await t.execute<Review>(
      review,
      { id: nhriLink, decision: 'CONFIRMED' },
      await bearer('COMMITTEE', 'bra-committee'),
    );
    expect(committee.data!.reviewOverlap.__typename).toBe('ForbiddenError');
    const confirmed = await t.execute<Review>(
      review,
      { id: nhriLink, decision: 'CONFIRMED' },
      await bearer('REVIEWER', 'ana.reviewer'),
    );
    expect(confirmed.data!.reviewOverlap).toMatchObject({
      status: 'CONFIRMED',
      reviewedBy: 'ana.reviewer',
    });
    await detectOverlaps({ db: t.db }, { full: true });
    const kept = (await links()).find((l) => l.a === 'OVTEST/4');
    expect(kept?.status).toBe('CONFIRMED');
    const again = (await t.execute<ClusterPage>(clusterQuery, {})).data!.state.overlapClusters;
    expect(again.edges.map((e) => e.node.size)).toEqual([5, 2]);

    // Each decision left one audit entry (the refused attempts none), newest first.
    const trail = await t.execute<{
      auditTrail: { operation: string; actor: string; after: string }[];
    }>(
      'query ($id: ID!) { auditTrail(entityId: $id) { operation actor after } }',
      { id: nhriLink },
      asAdmin,
    );
    expect(
      trail.data!.auditTrail.map((e) => [
        e.operation,
        e.actor,
        (JSON.parse(e.after) as { status: string }).status,
      ]),
    ).toEqual([
      ['REVIEW_OVERLAP', 'ana.reviewer', 'CONFIRMED'],
      ['REVIEW_OVERLAP', 'admin', 'REJECTED'],
    ]);
  });
});

describe('a re-imported recommendation with new wording', () => {
  it('is compared again on the next incremental run', async () => {
    const edited = path.join(dir, 'edited.ndjson');
    fs.writeFileSync(
      edited,
      `${JSON.stringify({ id: 'OVTEST/6', mechanism: 'UPR', state: 'BRA', text: 'Establish an independent national human rights institution in line with the Paris Principles.', language: 'en', year: 2008, cycle: 1, documentSymbol: 'OVTEST/C1', recommendingStates: ['India'], response: 'SUPPORTED' })}\n`,
    );
    await runImport({ db: t.db }, { files: [edited], format: 'ndjson' });
    const run = await detectOverlaps({ db: t.db });
    expect(run.compared).toBe(1);
    expect((await links()).filter((l) => l.a === 'OVTEST/4' && l.b === 'OVTEST/6')).toHaveLength(1);
  });
});

describe('finding what an incremental run must compare', () => {
  it('seeks the overlapDetector index instead of scanning every recommendation', async () => {
    const operators = await explainOperators(cypher('overlaps/states-to-detect'), {
      version: DETECTOR_VERSION,
    });
    expect(operators).toContain('NodeIndexSeekByRange');
    expect(operators).not.toContain('NodeByLabelScan');
    expect(operators).not.toContain('AllNodesScan');
  });

  it('finds recommendations stored before the mark existed, once V0010 has run', async () => {
    // As an import before V0009 left them: no overlapDetector at all.
    await t.db.write(
      `CREATE (:Recommendation {id: 'OVTEST/OLD', mechanism: 'UPR', state: 'BRA', cycle: 1, year: 2008,
         language: 'en', text: 'Establish a national human rights institution in line with the Paris Principles.'})`,
    );
    const linked = async () =>
      (await links()).filter((l) => l.a === 'OVTEST/4' && l.b === 'OVTEST/OLD').length;
    await detectOverlaps({ db: t.db });
    expect(await linked()).toBe(0);
    const v0010 = cypherMigrations().find((m) => m.version === 'V0010')!;
    await v0010.apply(t.db);
    await detectOverlaps({ db: t.db });
    expect(await linked()).toBe(1);
  });
});

describe('two detection runs at once', () => {
  it('store each pair once', async () => {
    const more = path.join(dir, 'more.ndjson');
    fs.writeFileSync(
      more,
      `${JSON.stringify({ id: 'OVTEST/10', mechanism: 'UPR', state: 'BRA', text: 'Ratify the Optional Protocol to the Convention against Torture without delay.', language: 'en', year: 2017, cycle: 3, documentSymbol: 'OVTEST/C3' })}\n`,
    );
    await runImport({ db: t.db }, { files: [more], format: 'ndjson' });
    // Both runs load BRA before either writes, so both find the new pairs.
    await Promise.all([detectOverlaps({ db: t.db }), detectOverlaps({ db: t.db })]);
    const rows = await t.db.read<{ pairs: number; links: number }>(
      `MATCH (a:Recommendation)-[o:OVERLAPS]-(b:Recommendation {id: 'OVTEST/10'})
       RETURN count(DISTINCT a) AS pairs, count(o) AS links`,
    );
    expect(rows[0]!.pairs).toBeGreaterThanOrEqual(3);
    expect(rows[0]!.links).toBe(rows[0]!.pairs);
  });
});

describe('an incremental run that bridges two clusters', () => {
  it('merges them into one, as a full rebuild would', async () => {
    const clusterOf = async (id: string) =>
      (
        await t.db.read<{ members: string[] }>(
          `MATCH (c:OverlapCluster)-[:HAS_MEMBER]->(:Recommendation {id: $id})
           MATCH (c)-[:HAS_MEMBER]->(m) WITH m ORDER BY m.id RETURN collect(m.id) AS members`,
          { id },
        )
      )[0]?.members ?? [];
    const line = (id: string, text: string) =>
      JSON.stringify({
        id,
        mechanism: 'UPR',
        state: 'BRA',
        text,
        language: 'en',
        year: 2022,
        cycle: 4,
        documentSymbol: 'OVTEST/C4',
      });
    const invitations = path.join(dir, 'invitations.ndjson');
    fs.writeFileSync(
      invitations,
      `${line('OVTEST/12', 'Extend a standing invitation to all special procedures.')}\n${line('OVTEST/13', 'Consider issuing a standing invitation to the special procedures of the Human Rights Council.')}\n`,
    );
    await runImport({ db: t.db }, { files: [invitations], format: 'ndjson' });
    await detectOverlaps({ db: t.db });
    expect(await clusterOf('OVTEST/12')).toEqual(['OVTEST/12', 'OVTEST/13']);
    const nhri = await clusterOf('OVTEST/4');
    expect(nhri).toContain('OVTEST/5');

    // One text asks for both: the two clusters become one.
    const bridge = path.join(dir, 'bridge.ndjson');
    fs.writeFileSync(
      bridge,
      `${line('OVTEST/14', 'Establish a national human rights institution in line with the Paris Principles and extend a standing invitation to all special procedures.')}\n`,
    );
    await runImport({ db: t.db }, { files: [bridge], format: 'ndjson' });
    await detectOverlaps({ db: t.db });
    const merged = await clusterOf('OVTEST/14');
    expect(merged).toEqual([...nhri, 'OVTEST/12', 'OVTEST/13', 'OVTEST/14'].sort());
    expect(await clusterOf('OVTEST/12')).toEqual(merged);
    const [{ clusters } = { clusters: -1 }] = await t.db.read<{ clusters: number }>(
      `MATCH (c:OverlapCluster)-[:HAS_MEMBER]->(r:Recommendation) WHERE r.id IN ['OVTEST/4', 'OVTEST/12']
       RETURN count(DISTINCT c) AS clusters`,
    );
    expect(clusters).toBe(1);

    await detectOverlaps({ db: t.db }, { full: true });
    expect(await clusterOf('OVTEST/14')).toEqual(merged);
  });
});
