/**
 * The database layer against the real Neo4j: migrations, the Cypher catalogue, the gateway's
 * integer handling and error mapping, and the demo-data loader.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadCatalogue } from '../../src/db/cypher.ts';
import { Db } from '../../src/db/run.ts';
import { cypherMigrations, migrate } from '../../src/db/migrate.ts';
import { DuplicateConflictError } from '../../src/core/errors.ts';
import { ensureDemoData, textKeyMigration } from '../../src/features/imports/index.ts';
import { textKey } from '../../src/features/imports/identity.ts';
import { referenceDataMigration } from '../../src/features/reference/index.ts';
import { CODE_MIGRATIONS } from '../../src/server/migrations.ts';
import { createTestApp, testDriver, testLogger, type TestApp } from '../helpers/create-test-app.ts';
import { uniqueId } from '../helpers/factories.ts';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

describe('migrations', () => {
  it('are recorded in the graph, and a rerun applies nothing', async () => {
    const result = await migrate(t.db, testLogger(), CODE_MIGRATIONS);
    expect(result.applied).toEqual([]);
    // Every migration, in order: the Cypher files and the code migrations.
    const all = [...cypherMigrations(), ...CODE_MIGRATIONS].map((m) => m.version).sort();
    expect(all.length).toBeGreaterThanOrEqual(8);
    expect(result.skipped).toEqual(all);
    const recorded = await t.db.read<{ version: string }>(
      'MATCH (m:__Migration) RETURN m.version AS version ORDER BY version',
    );
    expect(recorded.map((r) => r.version)).toEqual(all);
  });

  it('create a uniqueness constraint for every natural key and the full-text index', async () => {
    const constraints = await t.db.read<{ name: string }>(
      'SHOW CONSTRAINTS YIELD name RETURN name',
    );
    expect(constraints.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'recommendation_id',
        'state_iso3',
        'mechanism_code',
        'document_symbol',
        'theme_scheme_code',
        'sdg_target_code',
        'source_record_key',
        'pledge_id',
        'follow_up_action_id',
        'agency_state_name',
        'audit_event_id',
      ]),
    );
    const fulltext = await t.db.read<{ name: string }>(
      'SHOW FULLTEXT INDEXES YIELD name RETURN name',
    );
    expect(fulltext.map((i) => i.name)).toContain('recommendation_text');
  });

  it('stop with a clear message when an applied migration was changed', async () => {
    const changed = { ...referenceDataMigration, checksum: () => 'edited' };
    await expect(migrate(t.db, testLogger(), [changed])).rejects.toThrow(
      /V0003 .* changed after it was applied/,
    );
  });
});

describe('V0005 (text keys and link sources)', () => {
  it('brings recommendations imported before it up to date', async () => {
    const id = uniqueId('V0005');
    const text = 'Ratify the Optional Protocol to the Convention against Torture';
    await t.db.write(
      `CREATE (r:Recommendation {id: $id, mechanism: 'UPR', state: 'SVN', cycle: 2, text: $text})
       CREATE (r)-[:FROM_SOURCE]->(:SourceRecord {dataset: $id, sourceId: '1'})
       MERGE (t:Theme {scheme: 'TEST', code: $id})
       CREATE (r)-[:HAS_THEME]->(t)`,
      { id, text },
    );
    try {
      await t.db.transaction((tx) => textKeyMigration.apply(tx));
      const [row] = await t.db.read<{ textKey: string; sources: string[] }>(
        `MATCH (r:Recommendation {id: $id})-[l:HAS_THEME]->() RETURN r.textKey AS textKey, l.sources AS sources`,
        { id },
      );
      expect(row).toEqual({
        textKey: textKey({ mechanism: 'UPR', state: 'SVN', cycle: 2, text }),
        sources: [`${id}\u00001`],
      });
    } finally {
      await t.db.write(
        `MATCH (r:Recommendation {id: $id})-[:FROM_SOURCE]->(s) MATCH (t:Theme {scheme: 'TEST', code: $id})
         DETACH DELETE r, s, t`,
        { id },
      );
    }
  });
});

describe('the Cypher catalogue', () => {
  it('every fixed query compiles on the real Neo4j (EXPLAIN)', async () => {
    for (const [name, text] of loadCatalogue()) {
      // EXPLAIN plans without running; every $parameter gets a null, which planning accepts.
      const params: Record<string, null> = Object.fromEntries(
        [...text.matchAll(/\$(\w+)/g)].map((m) => [m[1]!, null]),
      );
      await expect(t.db.read(`EXPLAIN ${text}`, params), name).resolves.toBeDefined();
    }
  });
});

describe('the gateway', () => {
  it('returns integers as numbers and maps constraint violations to DuplicateConflictError', async () => {
    const code = uniqueId('TEST-MECH');
    try {
      await t.db.write(
        'CREATE (m:Mechanism {code: $code, name: "test", kind: "OTHER", year: 2024})',
        { code },
      );
      const rows = await t.db.read<{ year: unknown }>(
        'MATCH (m:Mechanism {code: $code}) RETURN m.year AS year',
        { code },
      );
      expect(rows).toEqual([{ year: 2024 }]);
      await expect(
        t.db.write('CREATE (m:Mechanism {code: $code})', { code }),
      ).rejects.toBeInstanceOf(DuplicateConflictError);
    } finally {
      await t.db.write('MATCH (m:Mechanism {code: $code}) DETACH DELETE m', { code });
    }
  });

  it('retries a read while Neo4j cannot be reached, and answers once it can', async () => {
    // Reads run without a transaction (one round trip), so the gateway retries them itself.
    // A relay to the test Neo4j on a free port, listening only after a second: until then
    // every connection is refused.
    const target = new URL(inject('neo4jUri'));
    const relay = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 7687), target.hostname);
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const driver = testDriver(`bolt://127.0.0.1:${port}`);
    const db = new Db(driver, inject('neo4jDatabase'), testLogger());
    const opening = setTimeout(() => relay.listen(port, '127.0.0.1'), 1_000);
    try {
      const started = performance.now();
      expect(await db.read('RETURN 1 AS one')).toEqual([{ one: 1 }]);
      expect(performance.now() - started).toBeGreaterThanOrEqual(1_000);
    } finally {
      clearTimeout(opening);
      await driver.close();
      await new Promise((resolve) => relay.close(resolve));
    }
  });
});

describe('the demo dataset', () => {
  it('is loaded only into an empty graph', async () => {
    const result = await ensureDemoData(t, testLogger());
    expect(result.loaded).toBe(false);
    expect(result.recommendations).toBeGreaterThanOrEqual(632);
  });
});
