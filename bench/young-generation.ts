/**
 * `npm run bench:young-gen`: what the size of V8's young generation (`--max-semi-space-size`,
 * in MiB) does to the API's largest answers. Each size runs in its own Node process (the flag
 * is fixed at start), against one embedded store, the sizes taking turns for several rounds so
 * that the shared machine's slow spells fall on all of them. Each process times warm requests
 * through `yoga.fetch`, as bench:analytics does, and reports per request: wall time p50 / p95,
 * the CPU this process used and the time V8 spent collecting garbage.
 *
 * The server (`npm start`, `npm run dev`, the Docker image) runs with the size this bench
 * justifies (docs/analytics.md, "A larger young generation").
 *
 * Options: --store DIR (as bench:analytics; use its 341k store to see the full effect),
 * --sizes LIST (default "default,32,64"; "default" is V8's own, 16 MiB on 64-bit), --rounds N
 * (default 3), --runs N (timed requests per query and process, default 60).
 */
import '../src/core/production-env.ts';
import { spawn } from 'node:child_process';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { createApp } from '../src/server/app.ts';
import { benchLogger, p50p95, percentile, uprStore } from './support.ts';

const { values } = parseArgs({
  options: {
    store: { type: 'string' },
    sizes: { type: 'string', default: 'default,32,64' },
    rounds: { type: 'string', default: '3' },
    runs: { type: 'string', default: '60' },
    /** Internal: run as one of the measuring processes, against this Bolt address. */
    child: { type: 'string' },
  },
});
const RUNS = Number(values.runs);

/** The API's largest answers (the coverage matrix as objects is 35,634 of them at 341k). */
const CASES = [
  {
    name: 'coverageMatrix as buckets',
    query: '{ coverageMatrix { buckets { keys count withAction coverage } } }',
  },
  {
    name: 'coverageMatrix, columns',
    query: '{ coverageMatrix { dimensions axes positions count withAction } }',
  },
  {
    name: 'recommendationStats by STATE x THEME',
    query: '{ recommendationStats(groupBy: [STATE, THEME]) { keys count } }',
  },
  {
    name: 'overlapNeglect, first 20',
    query:
      '{ overlapNeglect(first: 20) { edges { node { state { iso3 } clusters multiSourceClusters neglectedClusters index topThemes { code } } } } }',
  },
];

interface Measure {
  p50: number;
  p95: number;
  cpu: number;
  gc: number;
}

/** One measuring process: times each case warm and prints what it measured as one JSON line. */
async function child(uri: string) {
  const driver = neo4j.driver(uri);
  const app = createApp({ driver, database: 'neo4j', logger: benchLogger });
  let gc = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gc += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  const request = async (query: string) => {
    const response = await app.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };
  const results: Record<string, Measure> = {};
  try {
    for (const { name, query } of CASES) {
      for (let i = 0; i < 10; i++) await request(query); // computes and caches, then warms up
      await new Promise((resolve) => setImmediate(resolve)); // delivers the pending GC entries
      gc = 0;
      const cpu = process.cpuUsage();
      const ms: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        await request(query);
        ms.push(performance.now() - started);
      }
      const used = process.cpuUsage(cpu);
      await new Promise((resolve) => setImmediate(resolve));
      results[name] = {
        ...p50p95(ms),
        cpu: (used.user + used.system) / 1000 / RUNS,
        gc: gc / RUNS,
      };
    }
  } finally {
    observer.disconnect();
    await driver.close();
  }
  // Peak resident memory of the whole process (KiB to MiB): what the larger young generation costs.
  console.log(JSON.stringify({ results, peakRssMiB: process.resourceUsage().maxRSS / 1024 }));
}

/** What one measuring process reports. */
interface Measured {
  results: Record<string, Measure>;
  peakRssMiB: number;
}

/** Runs one measuring process with the given young generation size. */
function measure(uri: string, size: string): Promise<Measured> {
  const flags = size === 'default' ? [] : [`--max-semi-space-size=${size}`];
  const script = fileURLToPath(import.meta.url);
  const args = [...flags, '--import', 'tsx', script, '--child', uri, '--runs', String(RUNS)];
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code === 0) resolve(JSON.parse(last) as Measured);
      else reject(new Error(`the measuring process (size ${size}) exited with ${code}`));
    });
  });
}

async function parent() {
  const sizes = values.sizes.split(',').map((s) => s.trim());
  if (sizes.some((s) => s !== 'default' && !/^[1-9]\d*$/u.test(s))) {
    throw new Error(`--sizes: "default" or whole MiB, e.g. default,32,64 (got ${values.sizes})`);
  }
  const rounds = Number(values.rounds);
  const store = await uprStore({ dir: values.store, prefix: 'recgraph-young-gen-' });
  const measured = new Map(sizes.map((s) => [s, [] as Measured[]]));
  try {
    for (let round = 1; round <= rounds; round++) {
      // Turns rotate, so that no size always runs first (or last) in a round.
      const order = sizes.map((_, i) => sizes[(i + round - 1) % sizes.length]!);
      for (const size of order) {
        const result = await measure(store.uri, size);
        measured.get(size)!.push(result);
        const first = result.results[CASES[0]!.name]!;
        console.log(
          `round ${round}/${rounds}, --max-semi-space-size ${size}: ${CASES[0]!.name} p50 ${first.p50.toFixed(1)} ms, CPU ${first.cpu.toFixed(1)} ms, GC ${first.gc.toFixed(1)} ms per request; peak RSS ${result.peakRssMiB.toFixed(0)} MiB`,
        );
      }
    }
  } finally {
    await store.stop();
  }
  const f = (n: number) => n.toFixed(1);
  console.log(
    `\nmedians over ${rounds} rounds of ${RUNS} warm requests; ms per request` +
      `\n\n| query | --max-semi-space-size | p50 | p95 | CPU | GC |\n|---|---|---|---|---|---|`,
  );
  for (const { name } of CASES) {
    for (const size of sizes) {
      const runs = measured.get(size)!.map((r) => r.results[name]!);
      const of = (k: keyof Measure) =>
        f(
          percentile(
            runs.map((r) => r[k]),
            50,
          ),
        );
      console.log(
        `| ${name} | ${size} | ${of('p50')} | ${of('p95')} | ${of('cpu')} | ${of('gc')} |`,
      );
    }
  }
  console.log(`\n| --max-semi-space-size | peak RSS of the process, MiB (median) |\n|---|---|`);
  for (const size of sizes) {
    const peaks = measured.get(size)!.map((r) => r.peakRssMiB);
    console.log(`| ${size} | ${percentile(peaks, 50).toFixed(0)} |`);
  }
}

if (values.child) await child(values.child);
else await parent();
