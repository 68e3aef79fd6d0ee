/** What the benchmark and evaluation scripts share: fresh embedded stores and a seeded PRNG. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { pino } from 'pino';
import { PROJECT_ROOT } from '../src/core/config.ts';
import { startEmbedded, stopEmbedded } from '../src/db/embedded.ts';
import { migrate } from '../src/db/migrate.ts';
import { Db } from '../src/db/run.ts';
import { runImport } from '../src/features/imports/index.ts';
import { detectOverlaps } from '../src/features/overlaps/index.ts';
import { CODE_MIGRATIONS } from '../src/server/migrations.ts';

export const benchLogger = pino({ level: 'warn' });

/** The shared datasets beside the project (see each folder's SOURCE.md). */
export const SHARED_DATA = path.resolve(PROJECT_ROOT, '..', 'shared', 'data');

/** The two real UPR files: UPR Info's recommendations and the UN Working Group reports, 2008-2014. */
export const UPR_FILES = [
  path.join(SHARED_DATA, 'upr-info-terman', 'upr_info_recommendations_sessions_1-20.csv'),
  path.join(SHARED_DATA, 'upr-un-reports-terman', 'upr_un_reports_recommendations_2008-2014.csv'),
];

export interface Store {
  driver: Driver;
  db: Db;
  /** The embedded Neo4j JVM's process id (none for a server elsewhere, NEO4J_URI). */
  pid?: number;
  stop(): Promise<void>;
}

/**
 * CPU time (ms) a process has used so far, in all its threads and in its JIT compiler threads
 * (their names start with C1/C2 "CompilerThread"), from Linux's /proc; null elsewhere.
 */
export function processCpu(pid: number): { total: number; jit: number } | null {
  const ticks = (stat: string) => {
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * (1000 / 100); // utime + stime, USER_HZ 100
  };
  try {
    let total = 0;
    let jit = 0;
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
      } catch {
        continue; // the thread ended meanwhile
      }
      const used = ticks(stat);
      total += used;
      if (/^\d+ \(C\d CompilerThre/u.test(stat)) jit += used;
    }
    return { total, jit };
  } catch {
    return null;
  }
}

/** A new embedded Neo4j in a temporary directory, migrated; `stop()` removes it. */
export async function freshStore(prefix = 'recgraph-bench-'): Promise<Store> {
  return openStore(fs.mkdtempSync(path.join(os.tmpdir(), prefix)), { remove: true });
}

/**
 * An embedded Neo4j on `dataDir` (created, or reused with what it holds), migrated; `stop()`
 * stops it and, with `remove`, deletes the directory. Heap 2g and page cache 1g, unless
 * BENCH_NEO4J_HEAP / BENCH_NEO4J_PAGECACHE say otherwise (e.g. 6g).
 */
export async function openStore(dataDir: string, options: { remove: boolean }): Promise<Store> {
  fs.mkdirSync(dataDir, { recursive: true });
  const handle = await startEmbedded(
    {
      dataDir,
      heap: process.env['BENCH_NEO4J_HEAP'] ?? '2g',
      pageCache: process.env['BENCH_NEO4J_PAGECACHE'] ?? '1g',
      port: 0,
    },
    benchLogger,
    // An interrupted bench leaves no Neo4j behind.
    { owner: process.pid },
  );
  const driver = neo4j.driver(handle.uri);
  const db = new Db(driver, 'neo4j', benchLogger);
  await migrate(db, benchLogger, CODE_MIGRATIONS);
  return {
    driver,
    db,
    pid: handle.pid,
    async stop() {
      await driver.close();
      await stopEmbedded(dataDir, benchLogger);
      if (options.remove) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * An embedded store holding the real UPR data (UPR_FILES) compared for overlaps. With `dir` the
 * store is kept there and reused: imported and compared on the first run only, compared again
 * with `detect` (e.g. after a detector change). Without it, a fresh temporary store.
 */
export async function uprStore(options: {
  dir?: string | undefined;
  prefix: string;
  detect?: boolean | undefined;
}): Promise<Store> {
  const store = options.dir
    ? await openStore(path.resolve(options.dir), { remove: false })
    : await freshStore(options.prefix);
  try {
    const [{ count } = { count: 0 }] = await store.db.read<{ count: number }>(
      'MATCH (r:Recommendation) RETURN count(r) AS count',
    );
    if (count === 0) {
      const started = performance.now();
      const imported = await runImport({ db: store.db }, { files: UPR_FILES });
      console.log(
        `imported ${imported.created} recommendations (${imported.rejected} rows rejected) in ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
    }
    if (count === 0 || options.detect) {
      const detected = await detectOverlaps({ db: store.db }, { full: true });
      console.log(
        `detected ${detected.links} links, ${detected.repeats} repeats, ${detected.clusters} clusters over ${detected.states} states in ${(detected.ms / 1000).toFixed(1)} s (analytics signals ${(detected.signalsMs / 1000).toFixed(1)} s)`,
      );
    }
    return store;
  } catch (error) {
    await store.stop();
    throw error;
  }
}

/**
 * The young generation this Node process was started with (`--max-semi-space-size`, which
 * `npm start` and `bench:analytics` set; docs/benchmarks.md), or
 * V8's default.
 */
export function youngGeneration(): string {
  const flags = [...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(' ')];
  return flags.filter((flag) => flag.startsWith('--max-semi-space-size')).at(-1) ?? "V8's default";
}

/** The value at percentile `p` of `values` (the nearest rank below: p50 of 60 is the 31st). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The p50 and p95 of timings, as the benches report them. */
export const p50p95 = (ms: readonly number[]) => ({
  p50: percentile(ms, 50),
  p95: percentile(ms, 95),
});

/** mulberry32: a small, fast, seedable PRNG (deterministic across machines). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Up to `n` of `items` drawn at random without replacement, in the order drawn: one `rand()`
 * per draw, so a seed gives the same sample on every machine (the hand-checked samples in
 * docs/ are reproduced this way).
 */
export function draw<T>(items: readonly T[], n: number, rand: () => number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) {
    out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
  }
  return out;
}
