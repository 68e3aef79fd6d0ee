/**
 * `recgraph migrate` reports what it did: every migration on a fresh store, none on the next run.
 * Runs the real CLI against its own embedded Neo4j in a temp directory, whatever Neo4j the rest
 * of the suite uses.
 */
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopEmbedded } from '../../../src/db/embedded.ts';
import { MIGRATIONS_DIR } from '../../../src/db/migrate.ts';
import { CODE_MIGRATIONS } from '../../../src/server/migrations.ts';
import { testLogger } from '../../helpers/create-test-app.ts';

const javaAvailable = !spawnSync('java', ['-version']).error;
const CLI = path.join(import.meta.dirname, '../../../bin/recgraph.js');
// Made when the tests run, not when they are only listed.
let dataDir: string;

async function migrate(): Promise<string> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_DATA_DIR: dataDir,
    NEO4J_HEAP: '512m',
    NEO4J_PAGECACHE: '64m',
    LOG_LEVEL: 'warn',
  };
  // The fresh store, not a database the suite may have been given.
  delete env['NEO4J_URI'];
  const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'migrate'], {
    env,
    timeout: 600_000,
  });
  return stdout.trim();
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'recgraph-migrate-'));
});

afterAll(async () => {
  await stopEmbedded(dataDir, testLogger());
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.runIf(javaAvailable)('recgraph migrate', () => {
  it('applies every migration on a fresh store, and none when run again', async () => {
    // arrange: the migrations this checkout has, in files and in code
    const files = fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.cypher'));
    const total = files.length + CODE_MIGRATIONS.length;
    expect(total).toBeGreaterThan(0);

    expect(await migrate()).toBe(`migrations applied: ${total}, already applied: 0`);
    expect(await migrate()).toBe(`migrations applied: 0, already applied: ${total}`);
  });
});
