/**
 * `npm run bench:reads`: what one small read costs the way the gateway runs it (`Db.read`, an
 * auto-commit statement: one round trip) against the driver's managed read transactions
 * (`driver.executeQuery`, the gateway's former way, and `session.executeRead`: BEGIN with the
 * statement, then COMMIT). In a fresh embedded store, the three take turns for several rounds
 * of the same statement (the data-version lookup every cached aggregate makes); per read: wall
 * time and this process's CPU.
 *
 * Options: --rounds N (default 4), --reads N (per round and way, default 1500).
 */
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { cypher } from '../src/db/cypher.ts';
import { freshStore, percentile } from './support.ts';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '4' },
    reads: { type: 'string', default: '1500' },
  },
});
const ROUNDS = Number(values.rounds);
const READS = Number(values.reads);
const STATEMENT = cypher('analytics/find-data-version');

const store = await freshStore('recgraph-bench-reads-');
try {
  const { driver, db } = store;
  const ways: [string, () => Promise<unknown>][] = [
    ['Db.read (auto-commit)', () => db.read(STATEMENT)],
    [
      'driver.executeQuery',
      () => driver.executeQuery(STATEMENT, {}, { database: 'neo4j', routing: neo4j.routing.READ }),
    ],
    [
      'session.executeRead',
      async () => {
        const session = driver.session({
          database: 'neo4j',
          defaultAccessMode: neo4j.session.READ,
        });
        try {
          return await session.executeRead((tx) => tx.run(STATEMENT));
        } finally {
          await session.close();
        }
      },
    ],
  ];
  for (const [, read] of ways) for (let i = 0; i < 500; i++) await read(); // warm-up
  const measured = new Map(ways.map(([name]) => [name, [] as { wall: number; cpu: number }[]]));
  for (let round = 0; round < ROUNDS; round++) {
    // Turns rotate, so that no way always runs first in a round.
    for (let k = 0; k < ways.length; k++) {
      const [name, read] = ways[(k + round) % ways.length]!;
      const cpu = process.cpuUsage();
      const started = performance.now();
      for (let i = 0; i < READS; i++) await read();
      const used = process.cpuUsage(cpu);
      measured.get(name)!.push({
        wall: ((performance.now() - started) * 1000) / READS,
        cpu: (used.user + used.system) / READS,
      });
    }
  }
  console.log(
    `\nmedian of ${ROUNDS} rounds of ${READS} reads, µs per read\n\n| way | wall | CPU of this process |\n|---|---|---|`,
  );
  for (const [name, runs] of measured) {
    const wall = percentile(
      runs.map((r) => r.wall),
      50,
    ).toFixed(0);
    console.log(
      `| ${name} | ${wall} | ${percentile(
        runs.map((r) => r.cpu),
        50,
      ).toFixed(0)} |`,
    );
  }
} finally {
  await store.stop();
}
