/**
 * `npm run bench:import`: import throughput and memory, each run in a fresh embedded Neo4j store.
 *
 * 1. The two real UPR files of ../shared/data (UPR Info and the Working Group report rows, about
 *    80k rows; skipped when absent): recgraph's import, cross-source matching included, against
 *    the same parsed rows written by plain UNWIND MERGEs.
 * 2. recgraph's importer (`runImport`: streaming, validation, normalisation, content hashes,
 *    batched transactions) on a deterministic 300k-row NDJSON (bench/generate-ndjson.ts), against
 *    a minimal loader that writes the same nodes and relationships with plain UNWIND batches
 *    through the driver, no validation: the floor to compare against, in the same run; and the
 *    same loader writing two batches at once, as the import does.
 *
 * Prints rows/s, seconds and peak RSS (of this process so far) for each, and the ratios.
 * Options: --rows N (default 300000), --only upr | ndjson.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import neo4j, { type Driver } from 'neo4j-driver';
import { PROJECT_ROOT } from '../src/core/config.ts';
import type { Db } from '../src/db/run.ts';
import {
  importContext,
  readRows,
  resolveFormat,
  runImport,
} from '../src/features/imports/index.ts';
import { generate } from './generate-ndjson.ts';
import { freshStore, UPR_FILES, youngGeneration } from './support.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const rows = Number(arg('--rows', '300000'));
/** --only ndjson | upr: run one of the two parts. */
const only = arg('--only', 'all');
const file = path.join(PROJECT_ROOT, '.tmp', 'bench', `recs-${rows}.ndjson`);

/** Peak RSS of this process so far, in MiB. */
const peakRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);

const MINIMAL = `
UNWIND $rows AS row
MATCH (s:State {iso3: row.state})
MATCH (m:Mechanism {code: row.mechanism})
CREATE (r:Recommendation {id: row.id, text: row.text, language: row.language, year: row.year, cycle: row.cycle,
  paragraph: row.paragraph, response: row.response, state: row.state, mechanism: row.mechanism, documentSymbol: row.documentSymbol})
CREATE (r)-[:ADDRESSED_TO]->(s)
CREATE (r)-[:ISSUED_BY]->(m)
MERGE (d:Document {symbol: row.documentSymbol})
CREATE (r)-[:IN_DOCUMENT]->(d)
MERGE (v:Review {id: row.mechanism + '/' + row.state + '/' + toString(row.cycle)})
MERGE (v)-[:OF_STATE]->(s)
MERGE (v)-[:BY]->(m)
MERGE (d)-[:FOR_REVIEW]->(v)
CREATE (r)-[:MADE_IN]->(v)
CREATE (src:SourceRecord {dataset: row.dataset, sourceId: row.sourceId})
CREATE (r)-[:FROM_SOURCE]->(src)
FOREACH (iso3 IN row.recommendingStates | MERGE (x:State {iso3: iso3}) MERGE (r)-[:RECOMMENDED_BY]->(x))
FOREACH (code IN row.themes | MERGE (t:Theme {scheme: 'UHRI_LEGACY', code: code}) MERGE (r)-[:HAS_THEME]->(t))
FOREACH (code IN row.groups | MERGE (g:AffectedGroup {code: code}) MERGE (r)-[:CONCERNS]->(g))
FOREACH (code IN row.targets | MERGE (t:SdgTarget {code: code}) MERGE (r)-[:SUPPORTS_SDG]->(t))`;

/**
 * The minimal loader: one batch written at a time, or with `writers: 2` up to two at once (as
 * recgraph's import writes them; the driver retries a deadlock between the two).
 */
async function minimalLoad(driver: Driver, writers = 1): Promise<void> {
  const lines = readline.createInterface({
    input: fs.createReadStream(file, 'utf8'),
    crlfDelay: Infinity,
  });
  let batch: Record<string, unknown>[] = [];
  const writing = new Set<Promise<unknown>>();
  const flush = async () => {
    while (writing.size >= writers) await Promise.race(writing);
    const write = driver
      .executeQuery(MINIMAL, { rows: batch }, { database: 'neo4j' })
      .finally(() => writing.delete(write));
    writing.add(write);
    batch = [];
  };
  for await (const line of lines) {
    if (!line) continue;
    const v = JSON.parse(line) as {
      mechanism: string;
      state: string;
      text: string;
      language: string;
      year: number;
      cycle: number;
      paragraph: string;
      response: string | null;
      documentSymbol: string;
      recommendingStates: string[];
      themes: { code: string }[];
      affectedPersons: { code: string }[];
      sdgTargets: string[];
      source: { dataset: string; id: string };
    };
    batch.push({
      id: `${v.documentSymbol}#${v.paragraph}`,
      mechanism: v.mechanism,
      state: v.state,
      text: v.text,
      language: v.language,
      year: neo4j.int(v.year),
      cycle: neo4j.int(v.cycle),
      paragraph: v.paragraph,
      response: v.response,
      documentSymbol: v.documentSymbol,
      recommendingStates: v.recommendingStates,
      themes: v.themes.map((t) => t.code),
      groups: v.affectedPersons.map((g) => g.code),
      targets: v.sdgTargets,
      dataset: v.source.dataset,
      sourceId: v.source.id,
    });
    if (batch.length === 1000) await flush();
  }
  if (batch.length) await flush();
  await Promise.all(writing);
}

async function timed(label: string, work: () => Promise<void>, count = rows) {
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  const result = {
    label,
    seconds: Math.round(seconds * 10) / 10,
    rowsPerSecond: Math.round(count / seconds),
    peakRssMiB: peakRssMiB(),
  };
  console.log(
    `${label.padEnd(20)} ${String(result.seconds).padStart(7)} s  ${String(result.rowsPerSecond).padStart(7)} rows/s  peak RSS ${result.peakRssMiB} MiB`,
  );
  return result;
}

// The two real UPR files (UPR_FILES), when present: recgraph (parsing, identity across the
// two sources, cross-source matching) against the same parsed rows written by plain UNWIND MERGEs.

const MINIMAL_UPR = `
UNWIND $rows AS row
MATCH (s:State {iso3: row.state})
MERGE (r:Recommendation {id: row.id})
SET r.text = row.text, r.cycle = row.cycle, r.session = row.session, r.year = row.year,
    r.paragraph = row.paragraph, r.response = row.response, r.state = row.state, r.mechanism = 'UPR'
MERGE (r)-[:ADDRESSED_TO]->(s)
CREATE (src:SourceRecord {dataset: row.dataset, sourceId: row.sourceId})
CREATE (r)-[:FROM_SOURCE]->(src)
FOREACH (iso3 IN row.recommendingStates | MERGE (x:State {iso3: iso3}) MERGE (r)-[:RECOMMENDED_BY]->(x))
FOREACH (t IN row.themes | MERGE (th:Theme {scheme: t.scheme, code: t.code}) MERGE (r)-[:HAS_THEME]->(th))`;

async function minimalUprLoad(db: Db, driver: Driver): Promise<number> {
  const context = await importContext({ db });
  let count = 0;
  for (const uprFile of UPR_FILES) {
    let batch: Record<string, unknown>[] = [];
    const flush = async () => {
      await driver.executeQuery(MINIMAL_UPR, { rows: batch }, { database: 'neo4j' });
      batch = [];
    };
    for await (const row of readRows(uprFile, resolveFormat(uprFile), context)) {
      count++;
      if (!row.ok || row.record.kind === 'PLEDGE') continue;
      const r = row.record;
      batch.push({
        id: r.id,
        state: r.state,
        text: r.text,
        cycle: r.cycle,
        session: r.session,
        year: r.year,
        paragraph: r.paragraph,
        response: r.response,
        recommendingStates: r.recommendingStates,
        themes: r.themes.map((t) => ({ scheme: t.scheme, code: t.code })),
        dataset: r.source.dataset,
        sourceId: r.source.id,
      });
      if (batch.length === 1000) await flush();
    }
    if (batch.length) await flush();
  }
  return count;
}

// Part of what is measured (docs/analytics.md, "A larger young generation"; the CLI keeps V8's).
console.log(`young generation: ${youngGeneration()}`);
if (only === 'ndjson') {
  // skipped on request
} else if (UPR_FILES.every((f) => fs.existsSync(f))) {
  const uprRows = 41_066 + 39_191;
  console.log(`bench:import: the two shared UPR files (${uprRows} rows)`);
  const uprOurs = await freshStore();
  let uprRecgraph;
  try {
    uprRecgraph = await timed(
      'recgraph import',
      async () => {
        const summary = await runImport({ db: uprOurs.db }, { files: UPR_FILES });
        if (summary.read !== uprRows)
          throw new Error(`expected ${uprRows} read, got ${summary.read}`);
      },
      uprRows,
    );
  } finally {
    await uprOurs.stop();
  }
  const uprFloor = await freshStore();
  let uprMinimal;
  try {
    uprMinimal = await timed(
      'minimal UNWIND',
      async () => void (await minimalUprLoad(uprFloor.db, uprFloor.driver)),
      uprRows,
    );
  } finally {
    await uprFloor.stop();
  }
  console.log(
    `ratio recgraph/minimal: ${(uprRecgraph.seconds / uprMinimal.seconds).toFixed(2)}x\n`,
  );
} else {
  console.log('bench:import: ../shared/data UPR files not found; skipping them');
}

if (only !== 'upr') {
  if (!fs.existsSync(file)) generate(rows, file);
  console.log(
    `bench:import: ${rows} rows from ${path.relative(PROJECT_ROOT, file)} (${Math.round(fs.statSync(file).size / 2 ** 20)} MiB), ${os.cpus().length} cores`,
  );

  const ours = await freshStore();
  let recgraph;
  try {
    recgraph = await timed('recgraph import', async () => {
      const summary = await runImport({ db: ours.db }, { files: [file] });
      if (summary.created !== rows)
        throw new Error(`expected ${rows} created, got ${JSON.stringify(summary)}`);
    });
  } finally {
    await ours.stop();
  }

  const minimalRun = async (label: string, writers: number) => {
    const floor = await freshStore();
    try {
      return await timed(label, () => minimalLoad(floor.driver, writers));
    } finally {
      await floor.stop();
    }
  };
  const minimal = await minimalRun('minimal UNWIND', 1);
  // The same plain writes two at a time, as recgraph writes its batches.
  const minimal2 = await minimalRun('minimal, 2 at once', 2);
  console.log(
    `ratio recgraph/minimal: ${(recgraph.seconds / minimal.seconds).toFixed(2)}x (goal <= 1.5x; goal >= 10000 rows/s); ` +
      `recgraph/minimal 2 at once: ${(recgraph.seconds / minimal2.seconds).toFixed(2)}x`,
  );
}
