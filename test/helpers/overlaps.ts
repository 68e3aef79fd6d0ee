/**
 * Overlap detection on a small Brazil fixture (OP-CAT asked in English and French over two
 * cycles, CAT itself, an NHRI under two names, an unrelated ask), and the asks that tests add to
 * it later. Every recommendation, document and cluster of these tests has an id starting with
 * OVTEST/; each file imports the fixture afresh and removes it all afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Db } from '../../src/db/run.ts';
import { runImport } from '../../src/features/imports/index.ts';
import { detectOverlaps } from '../../src/features/overlaps/index.ts';
import { JWT_SECRET } from './auth.ts';
import { useTestApp } from './create-test-app.ts';
import { FIXTURES } from './imports.ts';

const FIXTURE = path.join(FIXTURES, 'overlaps-sample.ndjson');
export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** OVTEST/8: the UPR asks Brazil for OP-CAT again, in cycle 3. */
export const LATER_OPCAT = {
  id: 'OVTEST/8',
  mechanism: 'UPR',
  state: 'BRA',
  text: 'Ratify without delay the OP-CAT.',
  language: 'en',
  year: 2017,
  cycle: 3,
  documentSymbol: 'OVTEST/C3',
};

/** OVTEST/9: a treaty body asks Brazil for OP-CAT too. */
export const CAT_OPCAT = {
  id: 'OVTEST/9',
  mechanism: 'CAT',
  state: 'BRA',
  text: 'The State party should ratify the Optional Protocol to the Convention against Torture.',
  language: 'en',
  year: 2009,
  documentSymbol: 'OVTEST/CAT',
};

export type Link = {
  a: string;
  b: string;
  kind: string;
  status: string;
  score: number;
  signature: string | null;
};

/** The stored OVERLAPS links of the test's recommendations, in id order. */
const overlapLinks = (db: Db) =>
  db.read<Link>(
    `MATCH (a:Recommendation)-[o:OVERLAPS]->(b:Recommendation) WHERE a.id STARTS WITH 'OVTEST/'
     RETURN a.id AS a, b.id AS b, o.kind AS kind, o.status AS status, o.score AS score, o.signature AS signature
     ORDER BY a, b`,
  );

async function cleanup(db: Db): Promise<void> {
  await db.write(
    `MATCH (e:AuditEvent {entityType: 'Overlap'}) WHERE e.entityId CONTAINS 'OVTEST/' DELETE e`,
  );
  await db.write(
    `MATCH (c:OverlapCluster)-[:HAS_MEMBER]->(r:Recommendation) WHERE r.id STARTS WITH 'OVTEST/' DETACH DELETE c`,
  );
  await db.write(
    `MATCH (r:Recommendation) WHERE r.id STARTS WITH 'OVTEST/'
     OPTIONAL MATCH (r)-[:FROM_SOURCE]->(s) DETACH DELETE r, s`,
  );
  await db.write(`MATCH (d:Document) WHERE d.symbol STARTS WITH 'OVTEST/' DETACH DELETE d`);
}

/** The later asks as they arrived: the UPR's in cycle 3, then CAT's. */
export const LATER_OPCAT_ASKS = [
  ['later.ndjson', LATER_OPCAT],
  ['cat.ndjson', CAT_OPCAT],
] as const;

export type ClusterPage = {
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
export const clusterQuery = `query ($min: Int, $first: Int, $after: String) { state(iso3: "BRA") {
    overlapClusters(minMechanisms: $min, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id mechanisms size members { stableId } } } } } }`;

/**
 * The file's app (with the admin token and signed JWTs) over the fixture: imported and detected
 * before the tests, then each of `later` written to its file, imported and detected in turn
 * (incremental runs, as the asks arrived); all of it removed after them. `fixture.dir` is a temp
 * directory for the files the tests write; `links()` reads the stored links.
 */
export function useOverlapFixture(
  later: readonly (readonly [file: string, record: Record<string, unknown>])[] = [],
) {
  const t = useTestApp({ auth: { adminToken: ADMIN_TOKEN, jwtSecret: JWT_SECRET } });
  let dir: string | undefined;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recgraph-overlaps-'));
    await cleanup(t.db);
    const imported = await runImport({ db: t.db }, { files: [FIXTURE], format: 'ndjson' });
    expect(imported.created).toBe(7);
    await detectOverlaps({ db: t.db });
    for (const [name, record] of later) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, `${JSON.stringify(record)}\n`);
      await runImport({ db: t.db }, { files: [file], format: 'ndjson' });
      await detectOverlaps({ db: t.db });
    }
  });
  afterAll(async () => {
    await cleanup(t.db);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    t,
    fixture: {
      get dir(): string {
        if (!dir) throw new Error('the fixture directory exists only while the tests run');
        return dir;
      },
    },
    links: () => overlapLinks(t.db),
  };
}
