/**
 * Gets one real Neo4j for the integration tests, in this order: NEO4J_URI if set; a
 * testcontainer (neo4j:5.26-community) when a Docker engine answers; else the embedded launcher
 * in a temp directory on a free port. Migrates it and loads the demo dataset once, then provides
 * its URI to the tests. Logs go to a file (printed path), never to the runner's output.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { pino } from 'pino';
import { loadConfig } from '../src/core/config.ts';
import { startEmbedded, stopEmbedded } from '../src/db/embedded.ts';
import { bootstrap } from '../src/server/bootstrap.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string | undefined;
    neo4jPassword: string | undefined;
    neo4jDatabase: string;
    neo4jKind: 'external' | 'testcontainer' | 'embedded';
    logFile: string;
  }
}

async function dockerAnswers(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await Promise.race([
      getContainerRuntimeClient(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 5000)),
    ]);
    return true;
  } catch {
    return false;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'recgraph-test-'));
  const logFile = path.join(workDir, 'test.log');
  const logger = pino({ level: 'info' }, pino.destination({ dest: logFile, sync: true }));
  const cleanups: (() => Promise<void>)[] = [];
  let kind: 'external' | 'testcontainer' | 'embedded';
  let uri = process.env['NEO4J_URI'] || undefined;
  const user = uri ? process.env['NEO4J_USER'] || undefined : undefined;
  const password = uri ? process.env['NEO4J_PASSWORD'] || undefined : undefined;

  if (uri) {
    kind = 'external';
  } else if (await dockerAnswers()) {
    kind = 'testcontainer';
    const { GenericContainer, Wait } = await import('testcontainers');
    const container = await new GenericContainer('neo4j:5.26-community')
      .withEnvironment({ NEO4J_AUTH: 'none' })
      .withExposedPorts(7687)
      .withWaitStrategy(Wait.forLogMessage(/Started\./))
      .start();
    uri = `bolt://${container.getHost()}:${container.getMappedPort(7687)}`;
    cleanups.push(async () => {
      await container.stop();
    });
  } else {
    kind = 'embedded';
    const dataDir = path.join(workDir, 'neo4j');
    const handle = await startEmbedded(
      { dataDir, heap: '1g', pageCache: '256m', port: 0 },
      logger,
      // Owned by this runner: a run killed before its teardown leaves no Neo4j behind.
      { timeoutMs: 600_000, owner: process.pid },
    );
    uri = handle.uri;
    // Stopped in teardown; the exit hook covers a runner that dies before it.
    const kill = () => {
      try {
        process.kill(handle.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    };
    process.once('exit', kill);
    cleanups.push(async () => {
      process.off('exit', kill);
      await stopEmbedded(dataDir, logger);
    });
  }

  const config = loadConfig({
    ...process.env,
    NEO4J_URI: uri,
    NEO4J_USER: user ?? '',
    NEO4J_PASSWORD: password ?? '',
    LOG_LEVEL: 'info',
    RECGRAPH_DEMO_DATA: 'auto',
  });
  const { driver, database } = await bootstrap(config, logger);
  await driver.close();

  project.provide('neo4jUri', uri);
  project.provide('neo4jUser', user);
  project.provide('neo4jPassword', password);
  project.provide('neo4jDatabase', database);
  project.provide('neo4jKind', kind);
  project.provide('logFile', logFile);

  return async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    // The store and this setup's log go with a clean teardown; a setup that failed, or a
    // teardown that did, leaves them for diagnosis.
    fs.rmSync(workDir, { recursive: true, force: true });
  };
}
