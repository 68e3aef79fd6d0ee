/**
 * tools/neo4j-embedded: the store survives a clean stop without recovery, keeps its data across
 * restarts, and recovers after a hard kill. Runs its own launcher in a temp directory on a free
 * port, whatever Neo4j the rest of the suite uses.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Integer } from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedStatus, startEmbedded, stopEmbedded } from '../../src/db/embedded.ts';
import { testLogger } from '../helpers/create-test-app.ts';

const javaAvailable = !spawnSync('java', ['-version']).error;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'recgraph-embedded-'));
const config = { dataDir, heap: '512m', pageCache: '64m', port: 0 };
const logger = testLogger();

async function count(uri: string): Promise<number> {
  const driver = neo4j.driver(uri);
  try {
    const { records } = await driver.executeQuery<{ records: { get(key: 'c'): Integer }[] }>(
      'MATCH (n:Probe) RETURN count(n) AS c',
      {},
      { database: 'neo4j' },
    );
    return records[0]!.get('c').toNumber();
  } finally {
    await driver.close();
  }
}

async function writeProbe(uri: string): Promise<void> {
  const driver = neo4j.driver(uri);
  try {
    await driver.executeQuery('CREATE (:Probe)', {}, { database: 'neo4j' });
  } finally {
    await driver.close();
  }
}

afterAll(async () => {
  await stopEmbedded(dataDir, logger);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.runIf(javaAvailable)('the embedded Neo4j launcher', () => {
  it('starts on loopback, is reused, stops cleanly, and reopens without recovery with its data', async () => {
    const first = await startEmbedded(config, logger);
    expect(first).toMatchObject({ started: true, recovered: false });
    expect(first.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    await writeProbe(first.uri);

    // a second start while it runs reuses it
    const again = await startEmbedded(config, logger);
    expect(again).toMatchObject({ started: false, pid: first.pid, uri: first.uri });
    expect(await embeddedStatus(dataDir)).toMatchObject({ running: true, pid: first.pid });

    expect(await stopEmbedded(dataDir, logger)).toBe(true);
    expect(await embeddedStatus(dataDir)).toMatchObject({ running: false });

    const second = await startEmbedded(config, logger);
    expect(second).toMatchObject({ started: true, recovered: false });
    expect(await count(second.uri)).toBe(1);
  });

  it('recovers the store after a hard kill, losing no committed write', async () => {
    const running = await startEmbedded(config, logger);
    await writeProbe(running.uri);
    process.kill(running.pid, 'SIGKILL');
    while ((await embeddedStatus(dataDir)).running) await new Promise((r) => setTimeout(r, 100));

    const restarted = await startEmbedded(config, logger);
    expect(restarted).toMatchObject({ started: true, recovered: true });
    expect(await count(restarted.uri)).toBe(2);
  });
});
