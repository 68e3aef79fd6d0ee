/**
 * `npm run bench:overlaps [-- --rows N --sample-states K --warm-up N --profile]`: overlap
 * detection at scale, on the import benchmark's generated set (bench/generate-ndjson.ts, real
 * texts).
 *
 * 1. imports the N rows into a fresh embedded store and times `detectOverlaps({ full: true })`
 *    (load, detect, write links, repeats and clusters);
 * 2. imports 1,000 new recommendations addressed to the 14 states of one UPR session and times
 *    the incremental run; then --warm-up batches of 1,000 for other states, and 1,000 more for
 *    the same 14 states, timed again (Neo4j has by then JIT-compiled what incremental runs do);
 *    then 1,000 spread over every state (the worst case: every state's recommendations are
 *    loaded). Each run prints the CPU Neo4j used and how much of it went to JIT compiling;
 * 3. on a sample of states, compares the candidate step with exact all-pairs scoring: the share
 *    of above-threshold pairs it finds (recall), for prefix filtering (the default) and MinHash/LSH.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/core/config.ts';
import { loadCatalogue } from '../src/db/cypher.ts';
import { runImport } from '../src/features/imports/index.ts';
import {
  DETECTOR_VERSION,
  detectOverlaps,
  detectState,
  similarRecommendations,
  stateRecommendations,
} from '../src/features/overlaps/index.ts';
import { readReferenceData } from '../src/features/reference/index.ts';
import { generate, realTexts } from './generate-ndjson.ts';
import { embedBenchTexts, useBenchCache } from './embed-texts.ts';
import { attachVectors, embedder, embedPending } from '../src/features/embeddings/index.ts';
import { cypher } from '../src/db/cypher.ts';
import { freshStore, processCpu, random, youngGeneration } from './support.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '300000' },
    'sample-states': { type: 'string', default: '6' },
    /** Print where the incremental runs spend their time, statement by statement. */
    profile: { type: 'boolean', default: false },
    /** Incremental batches (1,000 each, for other states) run before the second timed one. */
    'warm-up': { type: 'string', default: '4' },
  },
});
const rows = Number(values.rows);
const dir = path.join(PROJECT_ROOT, '.tmp', 'bench');
const file = path.join(dir, `recs-${rows}.ndjson`);
if (!fs.existsSync(file)) generate(rows, file);

/** 1,000 new rows from another seed, addressed to `states`, with ids that cannot collide. */
function newRows(states: readonly string[], name: string, seed: number): string {
  const out = path.join(dir, `new-${name}.ndjson`);
  const source = path.join(dir, `pool-${seed}.ndjson`);
  if (!fs.existsSync(source)) generate(1000, source, seed);
  const pick = random(seed);
  const lines = fs
    .readFileSync(source, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line, i) => {
      const r = JSON.parse(line) as Record<string, unknown>;
      r['state'] = states[Math.floor(pick() * states.length)];
      r['cycle'] = 4;
      r['year'] = 2026;
      r['documentSymbol'] = `A/HRC/NEW/${name}`;
      r['paragraph'] = `900.${i + 1}`;
      r['source'] = { dataset: `bench-new-${name}`, id: String(i + 1) };
      // A new wording: its vector is computed in the run, as for a real new review.
      r['text'] = `${String(r['text'])} (${name} ${i + 1})`;
      return JSON.stringify(r);
    });
  fs.writeFileSync(out, `${lines.join('\n')}\n`);
  return out;
}

const secs = (ms: number) => (ms / 1000).toFixed(2);
// The vectors of the generated set's ~38,000 distinct texts, computed once per machine.
useBenchCache();
const model = embedder();
console.log(model ? `embedding model: ${model.model}` : 'lexical-only mode (no embedding model)');
if (model) {
  const rate = await embedBenchTexts();
  if (rate) console.log(`embedded the missing bench texts at ${rate.toFixed(1)} texts/s`);
  // The model's own throughput on 1,000 of the same texts (no database): the reference for the
  // throughput the pipeline reaches below.
  const sample = [...new Set(realTexts())].slice(0, 1000).map((t) => `${t} (engine sample)`);
  const t0 = performance.now();
  await model.passages(sample);
  console.log(
    `engine: ${((sample.length * 1000) / (performance.now() - t0)).toFixed(1)} texts/s on 1,000 texts of the set (one thread)`,
  );
}
// Part of what is measured (docs/analytics.md, "A larger young generation"; the CLI keeps V8's).
console.log(`young generation: ${youngGeneration()}`);
const store = await freshStore('recgraph-bench-overlaps-');
try {
  let t = performance.now();
  const imported = await runImport({ db: store.db }, { files: [file], format: 'ndjson' });
  console.log(
    `import: ${imported.created} recommendations in ${secs(performance.now() - t)} s (not part of detection)`,
  );

  if (model) {
    t = performance.now();
    const vectors = await embedPending({ db: store.db });
    console.log(
      `vectors: ${vectors.recommendations} recommendations given their vector in ${secs(performance.now() - t)} s (${vectors.reused} from the cache, ${vectors.embedded} embedded; not part of detection)`,
    );
  }

  const full = await detectOverlaps({ db: store.db }, { full: true });
  console.log(
    `full detection: ${full.compared} recommendations, ${full.states} states, ${full.candidates} candidate pairs, ${full.links} links stored, ${full.repeats} repeats, ${full.clusters} clusters in ${secs(full.ms)} s (goal <= 60 s)`,
  );
  const floor = await linkWriteFloor(full.links);
  console.log(
    `link-write floor: the same number of links (${full.links}) written with the same properties, by id, 5,000 per batch, two transactions at once: ${secs(floor)} s; full detection / floor = ${(full.ms / floor).toFixed(2)} (goal <= 1.5)`,
  );

  const states = readReferenceData()
    .states.filter((s) => s.unMember)
    .map((s) => s.iso3);
  // The 14 states of a UPR session: every 14th; warm-up batches go to the states after them.
  const sessionOf = (k: number) => states.filter((_s, i) => i % 14 === k).slice(0, 14);
  const session = sessionOf(0);
  const names = new Map([...loadCatalogue()].map(([name, text]) => [text, name]));
  /** Imports 1,000 new rows for `targets` and times the incremental run over them. */
  const incremental = async (name: string, targets: readonly string[], seed: number) => {
    await runImport({ db: store.db }, { files: [newRows(targets, name, seed)], format: 'ndjson' });
    const statements = new Map<string, { runs: number; ms: number; rows: number }>();
    const db = values.profile
      ? store.db.withListener((event) => {
          const statement = names.get(event.cypher.trim()) ?? event.cypher.slice(0, 40);
          const s = statements.get(statement) ?? { runs: 0, ms: 0, rows: 0 };
          statements.set(statement, {
            runs: s.runs + 1,
            ms: s.ms + event.ms,
            rows: s.rows + event.rows,
          });
        })
      : store.db;
    const before = store.pid ? processCpu(store.pid) : null;
    const run = await detectOverlaps({ db });
    const after = store.pid ? processCpu(store.pid) : null;
    for (const [statement, s] of [...statements].sort((x, y) => y[1].ms - x[1].ms)) {
      console.log(
        `  ${statement.padEnd(36)} ${String(s.runs).padStart(4)} runs ${s.ms.toFixed(0).padStart(6)} ms ${String(s.rows).padStart(7)} rows`,
      );
    }
    const cpu =
      before && after
        ? `; Neo4j used ${secs(after.total - before.total)} s of CPU, ${secs(after.jit - before.jit)} s of it JIT-compiling`
        : '';
    return { run, cpu };
  };
  const describe = ({ run, cpu }: Awaited<ReturnType<typeof incremental>>, count: number) => {
    const e = run.embedding;
    const embedding = e
      ? `; of which embedding ${e.embedded} new texts ${secs(e.ms)} s (${e.modelMs ? ((e.embedded * 1000) / e.modelMs).toFixed(1) : '-'} texts/s in the model, ${e.ms ? ((e.recommendations * 1000) / e.ms).toFixed(1) : '-'} recommendations/s with the writes), detection without it ${secs(run.ms - e.ms)} s`
      : '';
    return `1,000 new in ${count} states: ${run.compared} compared, ${run.candidates} candidates, ${run.links} links in ${secs(run.ms)} s${embedding}${cpu}`;
  };

  const first = await incremental('session', session, 7);
  console.log(`incremental, first run after the full one, ${describe(first, 14)} (goal <= 2 s)`);
  // The Neo4j JVM is still compiling code paths the full run did not take; a server that has
  // been running for a while has compiled them. Batches for other states warm it up.
  for (let k = 1; k <= Number(values['warm-up']); k++) {
    const warm = await incremental(`warm-up-${k}`, sessionOf(k), 100 + k);
    console.log(`  warm-up batch ${k}, ${describe(warm, 14)}`);
  }
  const again = await incremental('session-again', session, 9);
  console.log(
    `incremental, the same 14 states after ${values['warm-up']} warm-up batches, ${describe(again, 14)} (goal <= 2 s)`,
  );
  const spread = await incremental('all-states', states, 11);
  console.log(`incremental, ${describe(spread, states.length)}`);

  // similarRecommendations, as the API runs it: one state's recommendations, or the full-text
  // pool across all states; the second call of each is warm (stored analyses, page cache).
  const draft =
    'Ratify the Optional Protocol to the Convention against Torture and establish a national preventive mechanism';
  for (const [label, state] of [
    ['in one state', session[0]!],
    ['across all states', null],
  ] as const) {
    for (const round of ['cold', 'warm']) {
      t = performance.now();
      const found = await similarRecommendations({ db: store.db }, { text: draft, state });
      console.log(
        `similarRecommendations ${label} (${round}): ${found.length} matches in ${(performance.now() - t).toFixed(0)} ms`,
      );
    }
  }

  /**
   * The floor the full run's link writes are compared with, in this run on this store: `count`
   * OVERLAPS_FLOOR relationships between random recommendations, with the properties detection
   * sets, 5,000 per transaction, two at once (as detection writes); removed afterwards.
   */
  async function linkWriteFloor(count: number): Promise<number> {
    const ids = (
      await store.db.read<{ id: string }>('MATCH (r:Recommendation) RETURN r.id AS id')
    ).map((r) => r.id);
    const pick = random(42);
    const batches: Record<string, unknown>[][] = [];
    for (let i = 0; i < count; i += 5000) {
      batches.push(
        Array.from({ length: Math.min(5000, count - i) }, () => ({
          a: ids[Math.floor(pick() * ids.length)],
          b: ids[Math.floor(pick() * ids.length)],
          score: 0.5,
          kind: 'PARTIAL',
          methods: ['LEXICAL', 'EMBEDDING'],
          jaccard: 0.3,
          containment: 0.4,
          clusters: false,
          sharedTerms: ['right', 'educ', 'access'],
          signature: null,
          cosine: 0.6,
          parts: [0.5, 0.1, 1.2],
        })),
      );
    }
    const statement = cypher('overlaps/create-links').replace(':OVERLAPS {', ':OVERLAPS_FLOOR {');
    const started = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        await store.db.write(statement, { links: batch, version: 'floor' });
      }
    };
    await Promise.all([worker(), worker()]);
    const ms = performance.now() - started;
    for (;;) {
      const [gone] = await store.db.write<{ n: number }>(
        'MATCH ()-[f:OVERLAPS_FLOOR]->() WITH f LIMIT 50000 DELETE f RETURN count(*) AS n',
      );
      if (!Number(gone?.n)) break;
    }
    return ms;
  }

  // Candidate recall against exact all-pairs scoring, on a sample of states.
  const sample = states.filter(
    (_s, i) => i % Math.ceil(states.length / Number(values['sample-states'])) === 0,
  );
  let exact = 0;
  const found = { prefix: 0, lsh: 0 };
  const candidates = { prefix: 0, lsh: 0, all: 0 };
  for (const state of sample) {
    const docs = await attachVectors(
      { db: store.db },
      await stateRecommendations(
        { db: store.db },
        state,
        true,
        DETECTOR_VERSION,
        model?.model ?? null,
      ),
    );
    t = performance.now();
    const reference = detectState(docs, { allPairs: true });
    const keys = new Set(reference.links.map((l) => `${l.a}\u0000${l.b}`));
    exact += keys.size;
    candidates.all += reference.candidates;
    for (const method of ['prefix', 'lsh'] as const) {
      const run = detectState(docs, { candidates: method });
      candidates[method] += run.candidates;
      found[method] += run.links.filter((l) => keys.has(`${l.a}\u0000${l.b}`)).length;
    }
  }
  console.log(
    `candidate recall on ${sample.length} states (${sample.join(' ')}), ${exact} pairs above the threshold by all-pairs scoring of ${candidates.all} pairs:`,
  );
  for (const method of ['prefix', 'lsh'] as const) {
    console.log(
      `  ${method.padEnd(6)} recall ${(found[method] / Math.max(1, exact)).toFixed(3)} with ${candidates[method]} candidates (${((100 * candidates[method]) / Math.max(1, candidates.all)).toFixed(1)}% of all pairs)`,
    );
  }
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
} finally {
  await store.stop();
}
