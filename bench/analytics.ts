/**
 * `npm run bench:analytics`: the neglect analysis on the real UPR data (UPR Info and the UN
 * reports, 2008-2014) in an isolated embedded store. Imports the files and runs a full overlap
 * detection (which stores the clusters' signals) when the store is empty, then times each
 * analytics query warm: through the API (in-process `yoga.fetch`, as a client sees it) side by
 * side with the same Cypher run directly through the driver, the two timed in alternation. The
 * ratio is the API's overhead. Every analytics result is cached until the data it reads changes:
 * each query is timed served from the cache (as by default, and reading the data versions on
 * every request), and computing, right after a change, against the same statements through the
 * driver. The dashboard aggregates' answers are also kept whole (server/plugins/served-responses.ts):
 * two tables compare that with executing each request, compiled and interpreted.
 * Also prints the top states by the index for docs/findings.md.
 *
 * Options: --store DIR (keep the store and reuse it), --runs N (timed runs per query, default
 * 60), --min N (minMultiSourceClusters of the findings table, default 10).
 */
// As the server runs (src/main.ts): graphql-js without its development checks.
import '../src/core/production-env.ts';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../src/server/app.ts';
import { loadConfig, PROJECT_ROOT } from '../src/core/config.ts';
import { cypher } from '../src/db/cypher.ts';
import {
  refreshMissingClusterSignals,
  setStatsMaxStaleness,
  bumpDataVersion,
  DATA_PARTS,
} from '../src/features/analytics-store/index.ts';
import { runImport } from '../src/features/imports/index.ts';
import { detectOverlaps } from '../src/features/overlaps/index.ts';
import { generate } from './generate-ndjson.ts';
import { benchLogger, p50p95, percentile, uprStore, youngGeneration } from './support.ts';

const { values } = parseArgs({
  options: {
    store: { type: 'string' },
    runs: { type: 'string', default: '60' },
    min: { type: 'string', default: '10' },
    /** Also import the import benchmark's generated set of this many rows (e.g. 300000). */
    generated: { type: 'string', default: '0' },
  },
});
const GENERATED = Number(values.generated);
/** As the server (RECGRAPH_STATS_MAX_STALENESS_MS, default 1000). */
const MAX_STALENESS_MS = loadConfig().statsMaxStalenessMs;
setStatsMaxStaleness(MAX_STALENESS_MS);
const RUNS = Number(values.runs);
const MIN = Number(values.min);

async function time(
  run: () => Promise<unknown>,
  runs = RUNS,
  /** Runs untimed before each timed run. */
  before: () => Promise<unknown> = () => Promise.resolve(),
): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 5; i++) await run(); // warm-up: plans cached, pages in memory
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before();
    const started = performance.now();
    await run();
    ms.push(performance.now() - started);
  }
  return p50p95(ms);
}

/**
 * Times `a` and `b` in alternation (a b, b a, a b, ...), so that the shared machine's slow and
 * fast spells fall on both alike and their ratio compares like with like.
 */
async function timePaired(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  runs = RUNS,
  /** Runs untimed before each run of `a`. */
  beforeA: () => Promise<unknown> = () => Promise.resolve(),
): Promise<[{ p50: number; p95: number }, { p50: number; p95: number }]> {
  for (let i = 0; i < 5; i++) {
    await a();
    await b();
  }
  const msA: number[] = [];
  const msB: number[] = [];
  const timed = async (run: () => Promise<unknown>, into: number[]) => {
    if (run === a) await beforeA();
    const started = performance.now();
    await run();
    into.push(performance.now() - started);
  };
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      await timed(a, msA);
      await timed(b, msB);
    } else {
      await timed(b, msB);
      await timed(a, msA);
    }
  }
  return [p50p95(msA), p50p95(msB)];
}

const store = await uprStore({ dir: values.store, prefix: 'recgraph-analytics-' });
try {
  if (GENERATED > 0) {
    const [{ generated } = { generated: 0 }] = await store.db.read<{ generated: number }>(
      "MATCH (s:SourceRecord {dataset: 'bench-generated'}) RETURN count(s) AS generated",
    );
    if (generated === 0) {
      const file = path.join(PROJECT_ROOT, '.tmp', 'bench', `recs-${GENERATED}.ndjson`);
      if (!fs.existsSync(file)) generate(GENERATED, file);
      const started = performance.now();
      const imported = await runImport({ db: store.db }, { files: [file], format: 'ndjson' });
      console.log(
        `imported ${imported.created} generated recommendations in ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
      const detected = await detectOverlaps({ db: store.db });
      console.log(
        `detected ${detected.links} more links, ${detected.clusters} clusters in ${(detected.ms / 1000).toFixed(0)} s (signals ${(detected.signalsMs / 1000).toFixed(1)} s)`,
      );
    }
  }
  const [size] = await store.db.read<{ recommendations: number; clusters: number }>(
    'CALL () { MATCH (r:Recommendation) RETURN count(r) AS recommendations } CALL () { MATCH (c:OverlapCluster) RETURN count(c) AS clusters } RETURN recommendations, clusters',
  );
  console.log(`store: ${size!.recommendations} recommendations, ${size!.clusters} clusters`);
  console.log(`young generation: ${youngGeneration()} (npm start: --max-semi-space-size=64)`);
  await refreshMissingClusterSignals({ db: store.db });

  // Every statement the API runs is recorded, so that the driver side replays exactly the same
  // Cypher with the same parameters (the ranking and, e.g., the State loader's lookup).
  let recorded: { cypher: string; params: Record<string, unknown> }[] = [];
  const app = createApp({
    driver: store.driver,
    database: 'neo4j',
    logger: benchLogger,
    onQuery: (event) => recorded.push({ cypher: event.cypher, params: event.params }),
  });
  // Baselines in the same run, over the same cached aggregates: the API executing every request
  // (answers not kept, as before server/plugins/served-responses.ts), compiled by graphql-jit or
  // interpreted by graphql-js.
  const executed = createApp({
    driver: store.driver,
    database: 'neo4j',
    logger: benchLogger,
    keepAnswers: false,
  });
  const interpreted = createApp({
    driver: store.driver,
    database: 'neo4j',
    logger: benchLogger,
    compiled: false,
    keepAnswers: false,
  });
  const api = async (
    query: string,
    variables: Record<string, unknown>,
    through: typeof app = app,
  ) => {
    const response = await through.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: unknown[]; data?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const rankParams = (over: Record<string, unknown>) => ({
    regions: null,
    themes: null,
    mechanisms: null,
    from: null,
    to: null,
    minMultiSource: 1,
    state: null,
    after: null,
    before: null,
    forward: true,
    limit: 21,
    ...over,
  });

  const [top] = await store.db.read<{ state: string }>(
    cypher('analytics/rank-states'),
    rankParams({ limit: 1 }),
  );
  const cases = [
    {
      name: 'overlapNeglect, first 20',
      query: `{ overlapNeglect(first: 20) { edges { node { state { iso3 } clusters multiSourceClusters neglectedClusters index } } } }`,
      variables: {},
    },
    {
      name: 'overlapNeglect, Europe, 2012-2014',
      query: `query ($f: NeglectFilter) { overlapNeglect(first: 20, filter: $f) { edges { node { state { iso3 } index } } } }`,
      variables: { f: { regions: ['150'], years: { from: 2012, to: 2014 } } },
    },
    {
      // No region: every cluster is read and tested (a region or a state narrows the read).
      name: 'overlapNeglect, 2012-2014, all regions',
      query: `query ($f: NeglectFilter) { overlapNeglect(first: 20, filter: $f) { edges { node { state { iso3 } index } } } }`,
      variables: { f: { years: { from: 2012, to: 2014 } } },
    },
    {
      name: `stateNeglect drill-down (${top?.state}, 20 clusters)`,
      query: `query ($s: String!) { stateNeglect(state: $s) { neglectedClusters neglected(first: 20) { cluster { id size } signals { kind detail } } } }`,
      variables: { s: top?.state },
    },
    ...([['STATE'], ['REGION', 'RESPONSE'], ['THEME'], ['CYCLE', 'SDG_GOAL']] as const).map(
      (groupBy) => ({
        name: `recommendationStats by ${groupBy.join(' x ')}`,
        query: `query ($g: [StatsDimension!]!) { recommendationStats(groupBy: $g) { keys count } }`,
        variables: { g: groupBy },
      }),
    ),
    {
      name: 'coverageMatrix state x theme x mechanism, columns',
      query: `{ coverageMatrix { dimensions axes positions count withAction } }`,
      variables: {},
    },
    {
      name: 'coverageMatrix state x theme x mechanism, as buckets',
      query: `{ coverageMatrix { buckets { keys count withAction coverage } } }`,
      variables: {},
    },
    {
      name: 'followUpProgress (SVN, by year)',
      query: `{ followUpProgress(state: "SVN") { period started due completed } }`,
      variables: {},
    },
    {
      name: 'recommendationStats by YEAR, UPR, one region (150)',
      query: `query ($g: [StatsDimension!]!) { recommendationStats(groupBy: $g, filter: { mechanisms: ["UPR"], states: ["FRA", "DEU", "ITA", "ESP", "POL"] }) { keys count } }`,
      variables: { g: ['YEAR'] },
    },
  ];
  console.log(
    `\n| query | statements per warm request | API p50 | API p95 | API reading the versions on every request p50 / p95 | computing: API p50 / p95 | computing: driver p50 / p95 | computing: ratio p50 / p95 | served from the cache: API / computing driver p50 | API after a follow-up change p50 / p95 |`,
  );
  console.log(`|---|---|---|---|---|---|---|---|---|---|`);
  // The versions a follow-up change raises when it reaches a state's clusters (their signals
  // refreshed, then the follow-up part).
  const followUpChange = () =>
    store.db.transaction(async (tx) => {
      await bumpDataVersion(tx, 'clusters');
      await bumpDataVersion(tx, 'follow-up');
    });
  // Makes every cached result stale (marks only: the data stays as it is).
  const everythingChanged = () =>
    store.db.transaction(async (tx) => {
      for (const part of DATA_PARTS) await bumpDataVersion(tx, part);
    });
  const replay = (statements: typeof recorded) => async () => {
    for (const statement of statements) await store.db.read(statement.cypher, statement.params);
  };
  const f = (n: number) => n.toFixed(1);
  const pair = (t: { p50: number; p95: number }) => `${f(t.p50)} / ${f(t.p95)}`;
  // Warm-up of the whole set (Neo4j's JIT and Node's), so that the first case is not timed on
  // a colder process than the others: each case computed once, then served 100 times.
  for (let i = 0; i < 100; i++) for (const c of cases) await api(c.query, c.variables);
  for (const c of cases) {
    // The first request computes (its result is then cached until the data it reads changes):
    // after a change to everything, whatever the warm-up or the cases before cached. Its
    // statements but the version reads, replayed through the driver, are what computing costs.
    // A copy: `recorded` goes on collecting the timed requests' statements.
    await everythingChanged();
    recorded = [];
    await api(c.query, c.variables);
    const first = [...recorded];
    recorded = [];
    await api(c.query, c.variables);
    const warm = [...recorded];
    const computing = first.filter((x) => x.cypher !== cypher('analytics/find-data-version'));
    // Served from the cache: the default (versions reused for up to
    // RECGRAPH_STATS_MAX_STALENESS_MS) in alternation with reading them on every request.
    const withStaleness = (ms: number) => async () => {
      setStatsMaxStaleness(ms);
      try {
        return await api(c.query, c.variables);
      } finally {
        setStatsMaxStaleness(MAX_STALENESS_MS);
      }
    };
    const [viaApi, everyRequest] = await timePaired(
      withStaleness(MAX_STALENESS_MS),
      withStaleness(0),
    );
    // Computing: the API right after a change to everything (so it computes the result again)
    // in alternation with the same statements through the driver; the ratio is the API's
    // overhead. A third of the runs: computing takes up to seconds.
    const [apiComputing, driverComputing] = await timePaired(
      () => api(c.query, c.variables),
      replay(computing),
      Math.max(10, Math.round(RUNS / 3)),
      everythingChanged,
    );
    // What a dashboard waits for right after a follow-up change (each timed request follows
    // one): served at once for what does not read follow-up data or clusters, else recomputed.
    const afterChange = await time(
      () => api(c.query, c.variables),
      Math.max(10, Math.round(RUNS / 3)),
      followUpChange,
    );
    const ratio = (a: number, b: number) => (a / b).toFixed(2);
    console.log(
      `| ${c.name} | ${warm.length} | ${f(viaApi.p50)} | ${f(viaApi.p95)} | ${pair(everyRequest)} | ${pair(apiComputing)} | ${pair(driverComputing)} | ${ratio(apiComputing.p50, driverComputing.p50)} / ${ratio(apiComputing.p95, driverComputing.p95)} | ${(viaApi.p50 / driverComputing.p50).toFixed(4)} | ${pair(afterChange)} |`,
    );
  }
  // The follow-up changes above are marks only; they leave the data as it was.

  // A dashboard's viewers asking for the same figures at once, right after a change: one
  // computation serves them all (analytics-store/aggregate-cache.ts), so together they wait about as long
  // as one request alone. A change to the recommendations (a mark, as above) makes every result stale.
  const VIEWERS = 8;
  const recommendationsChange = () =>
    store.db.transaction((tx) => bumpDataVersion(tx, 'recommendations'));
  console.log(
    `\n| right after a change | one request alone, median of 3 (ms) | ${VIEWERS} identical requests at once, median of 3 (ms) | at once / alone |`,
  );
  console.log(`|---|---|---|---|`);
  for (const c of cases.filter((x) =>
    /^recommendationStats by (THEME|REGION x RESPONSE)$/u.test(x.name),
  )) {
    const alone: number[] = [];
    const together: number[] = [];
    for (let i = 0; i < 3; i++) {
      await recommendationsChange();
      let started = performance.now();
      await api(c.query, c.variables);
      alone.push(performance.now() - started);
      await recommendationsChange();
      started = performance.now();
      await Promise.all(Array.from({ length: VIEWERS }, () => api(c.query, c.variables)));
      together.push(performance.now() - started);
    }
    console.log(
      `| ${c.name} | ${percentile(alone, 50).toFixed(0)} | ${percentile(together, 50).toFixed(0)} | ${(percentile(together, 50) / percentile(alone, 50)).toFixed(2)} |`,
    );
  }

  // What sending a kept answer again saves: the same warm requests through the app that executes
  // every one, the two timed in alternation (the aggregates are cached for both: they share the
  // driver; the untimed warm-up recomputes what the change marks above made stale).
  console.log(
    `\n| query | answer kept p50 | answer kept p95 | executed p50 | executed p95 | executed / kept p50 |`,
  );
  console.log(`|---|---|---|---|---|---|`);
  for (const c of cases.filter((x) =>
    /^(recommendationStats by THEME|coverageMatrix|followUpProgress)/u.test(x.name),
  )) {
    const [keptTime, executedTime] = await timePaired(
      () => api(c.query, c.variables),
      () => api(c.query, c.variables, executed),
    );
    const f = (n: number) => n.toFixed(1);
    console.log(
      `| ${c.name} | ${f(keptTime.p50)} | ${f(keptTime.p95)} | ${f(executedTime.p50)} | ${f(executedTime.p95)} | ${(executedTime.p50 / keptTime.p50).toFixed(2)} |`,
    );
  }

  // What compiling the queries (graphql-jit) saves, each request executed: the same warm requests
  // through an app that interprets them with graphql-js, the two timed in alternation.
  console.log(
    `\n| query | compiled p50 | compiled p95 | interpreted p50 | interpreted p95 | interpreted / compiled p50 |`,
  );
  console.log(`|---|---|---|---|---|---|`);
  for (const c of cases.filter((x) =>
    /^(overlapNeglect, first 20|recommendationStats by THEME|coverageMatrix)/u.test(x.name),
  )) {
    const [compiledTime, interpretedTime] = await timePaired(
      () => api(c.query, c.variables, executed),
      () => api(c.query, c.variables, interpreted),
    );
    const f = (n: number) => n.toFixed(1);
    console.log(
      `| ${c.name} | ${f(compiledTime.p50)} | ${f(compiledTime.p95)} | ${f(interpretedTime.p50)} | ${f(interpretedTime.p95)} | ${(interpretedTime.p50 / compiledTime.p50).toFixed(2)} |`,
    );
  }

  // The findings table: states with at least MIN multi-source clusters, by index.
  const rows = await store.db.read<{
    state: string;
    clusters: number;
    multiSourceClusters: number;
    neglectedClusters: number;
    index: number;
    topThemes: string[];
  }>(cypher('analytics/rank-states'), rankParams({ minMultiSource: MIN, limit: 15 }));
  const labels = new Map(
    (
      await store.db.read<{ key: string; theme: { label: string } }>(
        cypher('analytics/find-themes-by-keys'),
        { keys: [...new Set(rows.flatMap((r) => r.topThemes))] },
      )
    ).map((r) => [r.key, r.theme.label]),
  );
  const [totals] = await store.db.read<{
    states: number;
    clusters: number;
    multi: number;
    neglected: number;
  }>(
    `MATCH (c:OverlapCluster) RETURN count(DISTINCT c.state) AS states, count(c) AS clusters,
            count(CASE WHEN c.multiSource THEN 1 END) AS multi, count(CASE WHEN c.neglected THEN 1 END) AS neglected`,
  );
  console.log(
    `\nall states: ${totals!.states} states, ${totals!.clusters} clusters, ${totals!.multi} multi-source, ${totals!.neglected} neglected`,
  );
  console.log(`\ntop 15 (at least ${MIN} multi-source clusters):`);
  console.log(`| # | state | clusters | multi-source | neglected | index | top themes |`);
  console.log(`|---|---|---|---|---|---|---|`);
  rows.forEach((r, i) =>
    console.log(
      `| ${i + 1} | ${r.state} | ${r.clusters} | ${r.multiSourceClusters} | ${r.neglectedClusters} | ${r.index.toFixed(3)} | ${r.topThemes.map((k) => labels.get(k) ?? k).join('; ')} |`,
    ),
  );
} finally {
  await store.stop();
}
