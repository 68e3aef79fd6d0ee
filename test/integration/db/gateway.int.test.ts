/**
 * The gateway to the driver (db/run.ts) against the real Neo4j: integers, the mapping of
 * constraint violations, and retried reads while Neo4j cannot be reached.
 */
import net from 'node:net';
import { describe, expect, inject, it } from 'vitest';
import { Db } from '../../../src/db/run.ts';
import { DuplicateConflictError } from '../../../src/core/errors.ts';
import { testDriver, testLogger, useTestApp } from '../../helpers/create-test-app.ts';
import { uniqueId } from '../../helpers/factories.ts';

const t = useTestApp();

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
