/** /health and /ready, and a clear, masked error for queries while Neo4j cannot be reached. */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/app.ts';
import { freePort } from '../../../src/db/embedded.ts';
import { testLogger, useTestApp } from '../../helpers/create-test-app.ts';

const t = useTestApp();

describe('health and readiness', () => {
  it('/health answers while the process is up; /ready answers when Neo4j is reachable', async () => {
    const health = await t.app.fetch('http://recgraph.test/health');
    expect(health.status).toBe(200);
    const ready = await t.app.fetch('http://recgraph.test/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'neo4j' });
  });

  it('/ready is 503 when Neo4j cannot be reached, and queries fail with a clear, masked error', async () => {
    // arrange: a driver pointing at a port nothing listens on
    const port = await freePort();
    const driver = neo4j.driver(`bolt://127.0.0.1:${port}`, undefined, {
      connectionTimeout: 2000,
      maxTransactionRetryTime: 0,
    });
    const app = createApp({ driver, database: 'neo4j', logger: testLogger() });
    try {
      const ready = await app.fetch('http://recgraph.test/ready');
      expect(ready.status).toBe(503);
      const response = await app.fetch('http://recgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ recommendations { totalCount } }' }),
      });
      const body = (await response.json()) as {
        errors: { message: string; extensions?: Record<string, unknown> }[];
      };
      expect(body.errors[0]!.extensions?.['code']).toBe('DATABASE_UNAVAILABLE');
      expect(JSON.stringify(body)).not.toMatch(/stack|MATCH|127\.0\.0\.1/);
    } finally {
      await driver.close();
    }
  });
});
