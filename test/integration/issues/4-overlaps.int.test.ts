/**
 * Issue 4: overlap detection on the real Neo4j. A small Brazil fixture (OP-CAT asked in English
 * and French over two cycles, CAT itself, an NHRI under two names, an unrelated ask) goes through
 * import, `detectOverlaps`, the GraphQL fields and the CSV export; then incremental detection and
 * a full rebuild that keeps a reviewer's decision.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportOverlapsCommand } from '../../../src/cli/overlaps.ts';
import { runImport } from '../../../src/features/imports/index.ts';
import { detectOverlaps } from '../../../src/features/overlaps/index.ts';
import { createTestApp, type TestApp } from '../../helpers/create-test-app.ts';

const FIXTURE = path.join(import.meta.dirname, '../../fixtures/overlaps-sample.ndjson');
let t: TestApp;
let dir: string;

async function cleanup(): Promise<void> {
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
  t = createTestApp();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recgraph-overlaps-'));
  await cleanup();
  const imported = await runImport({ db: t.db }, { files: [FIXTURE], format: 'ndjson' });
  expect(imported.created).toBe(7);
  await detectOverlaps({ db: t.db });
});
afterAll(async () => {
  await cleanup();
  await t.close();
});

type Link = {
  a: string;
  b: string;
  kind: string;
  status: string;
  score: number;
  signature: string | null;
};
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
