/**
 * `npm run bench:overlaps [-- --rows N --sample-states K]`: overlap detection at scale, on the
 * import benchmark's generated set (bench/generate-ndjson.ts, real texts).
 *
 * 1. imports the N rows into a fresh embedded store and times `detectOverlaps({ full: true })`
 *    (load, detect, write links, repeats and clusters);
 * 2. imports 1,000 new recommendations addressed to the 14 states of one UPR session and times
 *    the incremental run; then 1,000 spread over every state (the worst case: every state's
 *    recommendations are loaded);
 * 3. on a sample of states, compares the candidate step with exact all-pairs scoring: the share
 *    of above-threshold pairs it finds (recall), for prefix filtering (the default) and MinHash/LSH.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/config.ts';
import { loadCatalogue } from '../src/db/cypher.ts';
import { runImport } from '../src/features/imports/index.ts';
import { DETECTOR_VERSION, detectOverlaps, detectState } from '../src/features/overlaps/index.ts';
import { stateRecommendations } from '../src/features/overlaps/overlap.repository.ts';
import { similarRecommendations } from '../src/features/overlaps/overlap.service.ts';
import { readReferenceData } from '../src/features/reference/index.ts';
import { generate } from './generate-ndjson.ts';
import { freshStore, random } from './support.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '300000' },
    'sample-states': { type: 'string', default: '6' },
    /** Print where the incremental runs spend their time, statement by statement. */
    profile: { type: 'boolean', default: false },
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
      return JSON.stringify(r);
    });
  fs.writeFileSync(out, `${lines.join('\n')}\n`);
  return out;
}

const secs = (ms: number) => (ms / 1000).toFixed(2);
const store = await freshStore('recgraph-bench-overlaps-');
try {
  let t = performance.now();
  const imported = await runImport({ db: store.db }, { files: [file], format: 'ndjson' });
  console.log(
    `import: ${imported.created} recommendations in ${secs(performance.now() - t)} s (not part of detection)`,
  );

  const full = await detectOverlaps({ db: store.db }, { full: true });
  console.log(
    `full detection: ${full.compared} recommendations, ${full.states} states, ${full.candidates} candidate pairs, ${full.links} links, ${full.repeats} repeats, ${full.clusters} clusters in ${secs(full.ms)} s (goal <= 60 s)`,
  );

  const states = readReferenceData()
    .states.filter((s) => s.unMember)
    .map((s) => s.iso3);
  const session = states.filter((_s, i) => i % 14 === 0).slice(0, 14);
  for (const [name, targets] of [
    ['session', session],
    ['all-states', states],
  ] as const) {
    const newFile = newRows(targets, name, name === 'session' ? 7 : 11);
    await runImport({ db: store.db }, { files: [newFile], format: 'ndjson' });
    const statements = new Map<string, { runs: number; ms: number; rows: number }>();
    const names = new Map([...loadCatalogue()].map(([name, text]) => [text, name]));
    const db = values.profile
      ? store.db.withListener((event) => {
          const name = names.get(event.cypher.trim()) ?? event.cypher.slice(0, 40);
          const s = statements.get(name) ?? { runs: 0, ms: 0, rows: 0 };
          statements.set(name, {
            runs: s.runs + 1,
            ms: s.ms + event.ms,
            rows: s.rows + event.rows,
          });
        })
      : store.db;
    const inc = await detectOverlaps({ db });
    for (const [name, s] of [...statements].sort((x, y) => y[1].ms - x[1].ms)) {
      console.log(
        `  ${name.padEnd(36)} ${String(s.runs).padStart(4)} runs ${s.ms.toFixed(0).padStart(6)} ms ${String(s.rows).padStart(7)} rows`,
      );
    }
    console.log(
      `incremental, 1,000 new in ${targets.length} states: ${inc.compared} compared, ${inc.candidates} candidates, ${inc.links} links in ${secs(inc.ms)} s${name === 'session' ? ' (goal <= 2 s)' : ''}`,
    );
  }

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

  // Candidate recall against exact all-pairs scoring, on a sample of states.
  const sample = states.filter(
    (_s, i) => i % Math.ceil(states.length / Number(values['sample-states'])) === 0,
  );
  let exact = 0;
  const found = { prefix: 0, lsh: 0 };
  const candidates = { prefix: 0, lsh: 0, all: 0 };
  for (const state of sample) {
    const docs = await stateRecommendations({ db: store.db }, state, true, DETECTOR_VERSION);
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
