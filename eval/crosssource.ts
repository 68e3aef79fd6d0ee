/**
 * `npm run eval:crosssource`: imports the two real UPR files of ../shared/data (UPR Info and the
 * recommendations parsed from UN Working Group reports) and measures cross-source identity:
 *
 * - the share of the 30,084 development pairs (derived_crosssource_duplicate_pairs.csv: a UPR Info
 *   row and a report row with the same normalised text and state) that end as one recommendation,
 *   overall and for the pairs whose two rows belong to the same review (same cycle);
 * - block matching of the rows left over (matchCrossSource): how many single-source
 *   recommendations got a SAME_AS suggestion, and a seeded random sample of 100 decisions written
 *   to .tmp/eval/crosssource-sample.md for checking by hand.
 *
 * Uses a fresh embedded store, or the database at NEO4J_URI when set. Options: --seed N.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import neo4j from 'neo4j-driver';
import { PROJECT_ROOT } from '../src/core/config.ts';
import { migrate } from '../src/db/migrate.ts';
import { Db } from '../src/db/run.ts';
import { isMatch, matchCrossSource, runImport } from '../src/features/imports/index.ts';
import { CODE_MIGRATIONS } from '../src/server/migrations.ts';
import { benchLogger, draw, freshStore, random, type Store } from '../bench/support.ts';

const DATA = path.resolve(PROJECT_ROOT, '..', 'shared', 'data');
const UPR_INFO = path.join(DATA, 'upr-info-terman', 'upr_info_recommendations_sessions_1-20.csv');
const UPR_REPORT = path.join(
  DATA,
  'upr-un-reports-terman',
  'upr_un_reports_recommendations_2008-2014.csv',
);
const PLEDGES = path.join(DATA, 'upr-info-terman', 'upr_info_voluntary_pledges_sessions_1-20.csv');
const PAIRS = path.join(DATA, 'upr-info-terman', 'derived_crosssource_duplicate_pairs.csv');
const seedArg = process.argv.indexOf('--seed');
const seed = seedArg > 0 ? Number(process.argv[seedArg + 1]) : 20261122;

/** The line each data row ends on (row 0 is the first after the header), as the importer counts. */
async function rowLines(file: string): Promise<number[]> {
  const lines: number[] = [];
  const parser = fs.createReadStream(file).pipe(parse({ columns: true, bom: true, info: true }));
  for await (const { info } of parser as AsyncIterable<{ info: { lines: number } }>) {
    lines.push(info.lines);
  }
  return lines;
}

async function readPairs(): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = [];
  for await (const row of fs.createReadStream(PAIRS).pipe(parse({ columns: true, bom: true }))) {
    rows.push(row as Record<string, string>);
  }
  return rows;
}

async function open(): Promise<Store> {
  const uri = process.env['NEO4J_URI'];
  if (uri) {
    const driver = neo4j.driver(
      uri,
      neo4j.auth.basic(process.env['NEO4J_USER'] ?? 'neo4j', process.env['NEO4J_PASSWORD'] ?? ''),
    );
    const db = new Db(driver, 'neo4j', benchLogger);
    await migrate(db, benchLogger, CODE_MIGRATIONS);
    return { driver, db, stop: () => driver.close() };
  }
  return freshStore('recgraph-eval-');
}

const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(2)}%`;

async function main(): Promise<void> {
  const store = await open();
  try {
    for (const file of [UPR_INFO, PLEDGES, UPR_REPORT]) {
      const s = await runImport({ db: store.db }, { files: [file] });
      const reasons = new Map<string, number>();
      for (const r of s.rejections) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
      console.log(
        `${path.basename(file)}: read ${s.read}, created ${s.created}, joined ${s.joined}, updated ${s.updated}, unchanged ${s.unchanged}, pledges ${s.pledges}, rejected ${s.rejected}, warnings ${s.warnings} (${s.seconds} s)`,
      );
      for (const [reason, n] of reasons) console.log(`  rejected ${n} x ${reason}`);
      const counts = await store.db.read<Record<string, number>>(`
        MATCH (r:Recommendation {mechanism: 'UPR'})
        WITH count(r) AS recommendations, count(DISTINCT r.state) AS states
        RETURN recommendations, states,
               COUNT { MATCH (:Recommendation {mechanism: 'UPR'})-[:RECOMMENDED_BY]->() } AS recommendingLinks,
               COUNT { MATCH (:Recommendation {mechanism: 'UPR'})-[:HAS_THEME]->() } AS themeLinks,
               COUNT { MATCH (t:Theme) WHERE t.scheme = 'UPR_INFO' } AS uprInfoThemes,
               COUNT { MATCH (p:Pledge) } AS pledges`);
      console.log('  graph after it:', JSON.stringify(counts[0]));
    }
    const again = await runImport({ db: store.db }, { files: [UPR_INFO, PLEDGES, UPR_REPORT] });
    console.log(
      `re-import of all three: created ${again.created}, updated ${again.updated}, joined ${again.joined}, unchanged ${again.unchanged}`,
    );

    const sources = await store.db.read<{ dataset: string; sourceId: string; id: string }>(`
      MATCH (r:Recommendation)-[:FROM_SOURCE]->(s:SourceRecord)
      WHERE s.dataset STARTS WITH 'upr-info:' OR s.dataset STARTS WITH 'upr-report:'
      RETURN split(s.dataset, ':')[0] AS dataset, s.sourceId AS sourceId, r.id AS id`);
    const recOf = new Map(sources.map((s) => [`${s.dataset}/${s.sourceId}`, s.id]));
    const [infoLines, reportLines, pairs] = await Promise.all([
      rowLines(UPR_INFO),
      rowLines(UPR_REPORT),
      readPairs(),
    ]);
    const result = await matchCrossSource({ db: store.db });
    const linked = new Set(
      result.decisions.filter((d) => d.to && isMatch(d)).map((d) => `${d.from}|${d.to}`),
    );
    // Which recommendations already hold a row of each source (of their own review, since the
    // review is part of the id): a pair across reviews whose two ends both do could only become
    // one recommendation by holding two reviews' rows.
    const holds = (dataset: string) =>
      new Set(sources.filter((s) => s.dataset === dataset).map((s) => s.id));
    const holdsInfo = holds('upr-info');
    const holdsReport = holds('upr-report');
    let acrossBothHeld = 0;
    let one = 0;
    let sameCycle = 0;
    let sameCycleOne = 0;
    let viaLink = 0;
    let missing = 0;
    for (const pair of pairs) {
      const a = recOf.get(`upr-info/${infoLines[Number(pair['upr_info_row'])]}`);
      const b = recOf.get(`upr-report/${reportLines[Number(pair['un_report_row'])]}`);
      if (!a || !b) {
        missing++;
        continue;
      }
      const cycleOf = (id: string) => /\/c(\d+)[#/]/u.exec(id)?.[1];
      const same = cycleOf(a) === cycleOf(b);
      if (same) sameCycle++;
      else if (holdsReport.has(a) && holdsInfo.has(b)) acrossBothHeld++;
      if (a === b) {
        one++;
        if (same) sameCycleOne++;
      } else if (linked.has(`${a}|${b}`)) viaLink++;
    }
    console.log(
      `pairs: ${pairs.length}; one recommendation: ${one} (${pct(one, pairs.length)}); joined by SAME_AS: ${viaLink}; a row not imported: ${missing}`,
    );
    console.log(
      `pairs whose rows are in the same review (cycle): ${sameCycle}, of which one recommendation: ${sameCycleOne} (${pct(sameCycleOne, sameCycle)})`,
    );
    console.log(
      `pairs across reviews: ${pairs.length - missing - sameCycle}, of which ${acrossBothHeld} join two recommendations that each already hold the other source's row of their own review`,
    );
    const matched = result.decisions.filter((d) => d.to && isMatch(d));
    console.log(
      `block matching: single-source ${JSON.stringify(result.singleSource)}; upr-info decisions ${result.decisions.length}: SAME_AS ${matched.length}, no match ${result.decisions.length - matched.length}; links stored ${result.linked}`,
    );

    // A seeded sample of 100 decisions to check by hand.
    const sample = draw(result.decisions, 100, random(seed));
    const texts = new Map(
      (
        await store.db.read<{ id: string; text: string }>(
          `UNWIND $ids AS id MATCH (r:Recommendation {id: id}) RETURN r.id AS id, r.text AS text`,
          { ids: sample.flatMap((d) => (d.to ? [d.from, d.to] : [d.from])) },
        )
      ).map((r) => [r.id, r.text]),
    );
    const out = path.join(PROJECT_ROOT, '.tmp', 'eval', 'crosssource-sample.md');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(
      out,
      sample
        .map((d, i) => {
          const decision = d.to && isMatch(d) ? 'MATCH' : 'NO MATCH';
          return [
            `## ${i + 1}. ${decision} (containment ${d.containment.toFixed(2)}, jaccard ${d.jaccard.toFixed(2)}, block ${d.block ?? '-'})`,
            `- upr-info ${d.from}: ${texts.get(d.from)}`,
            `- best report candidate ${d.to ?? '-'}: ${d.to ? texts.get(d.to) : '(none in its blocks)'}`,
          ].join('\n');
        })
        .join('\n\n') + '\n',
    );
    console.log(
      `sample of 100 decisions for checking by hand: ${path.relative(PROJECT_ROOT, out)}`,
    );
  } finally {
    await store.stop();
  }
}

await main();
