/**
 * tools/neo4j-embedded: the store survives a clean stop without recovery, keeps its data across
 * restarts, and recovers after a hard kill. Runs its own launcher in a temp directory on a free
 * port, whatever Neo4j the rest of the suite uses.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Integer } from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import {
  embeddedStatus,
  launcherLogPath,
  startEmbedded,
  stopEmbedded,
} from '../../../src/db/embedded.ts';
import { testLogger } from '../../helpers/create-test-app.ts';

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

/** Whether the process has ended (a zombie not yet reaped counts as ended). */
function exited(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  const stat = fs.readFileSync(`/proc/${pid}/stat`, { encoding: 'utf8', flag: 'r' });
  return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
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

  it('stops cleanly when its owner process ends, even killed with SIGKILL', async () => {
    // arrange: an owner process that would run for a minute, and a Neo4j owned by it
    const ownedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'recgraph-owned-'));
    const owner = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], {
      stdio: 'ignore',
    });
    try {
      const owned = await startEmbedded({ ...config, dataDir: ownedDir }, logger, {
        owner: owner.pid!,
      });
      expect(owned).toMatchObject({ started: true });

      // act: the owner dies without stopping anything
      owner.kill('SIGKILL');

      // assert: the launcher notices, shuts the store down cleanly and exits
      const deadline = Date.now() + 60_000;
      while (!exited(owned.pid) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(exited(owned.pid)).toBe(true);
      expect(await embeddedStatus(ownedDir)).toMatchObject({ running: false });
      const log = fs.readFileSync(launcherLogPath(ownedDir), 'utf8');
      expect(log).toMatch(new RegExp(`owner process ${owner.pid} ended[\\s\\S]*stopped cleanly`));
    } finally {
      owner.kill('SIGKILL');
      await stopEmbedded(ownedDir, logger);
      fs.rmSync(ownedDir, { recursive: true, force: true });
    }
  });
});
