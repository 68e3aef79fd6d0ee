/**
 * `npm run eval:overlaps -- --recommendations <jsonl> --pairs <csv>`: imports the recommendations
 * (canonical NDJSON) into a fresh, isolated embedded store, runs a full overlap detection and
 * scores the stored links against the labelled pairs (`a_id,b_id,label,...`): a pair counts as
 * predicted when an OVERLAPS link joins the two, in either direction. Prints counts per label and,
 * last, `precision=… recall=… f1=…` for SAME+PARTIAL (positive) against RELATED+UNRELATED.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { runImport } from '../src/features/imports/index.ts';
import { detectOverlaps, exportCsvRows } from '../src/features/overlaps/index.ts';
import { freshStore } from '../bench/support.ts';

const POSITIVE = new Set(['SAME', 'PARTIAL']);
const NEGATIVE = new Set(['RELATED', 'UNRELATED']);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      recommendations: { type: 'string' },
      pairs: { type: 'string' },
      errors: { type: 'boolean', default: false },
    },
  });
  if (!values.recommendations || !values.pairs) {
    console.error(
      'usage: npm run eval:overlaps -- --recommendations <jsonl> --pairs <csv> [--errors]',
    );
    process.exit(2);
  }
  const pairs = parse<{ a_id: string; b_id: string; label: string }>(
    fs.readFileSync(values.pairs),
    {
      columns: true,
      skip_empty_lines: true,
    },
  );
  const store = await freshStore('recgraph-eval-overlaps-');
  try {
    const imported = await runImport(
      { db: store.db },
      { files: [values.recommendations], format: 'ndjson' },
    );
    console.log(
      `imported: read ${imported.read}, created ${imported.created}, rejected ${imported.rejected}`,
    );
    const summary = await detectOverlaps({ db: store.db }, { full: true });
    console.log(
      `detected: ${summary.links} links, ${summary.repeats} repeats, ${summary.clusters} clusters from ${summary.candidates} candidate pairs in ${(summary.ms / 1000).toFixed(1)} s`,
    );
    const links = new Map<string, { kind: string; score: number }>();
    for (const row of await exportCsvRows({ db: store.db })) {
      links.set(`${row.a_id}\u0000${row.b_id}`, row);
      links.set(`${row.b_id}\u0000${row.a_id}`, row);
    }
    const perLabel = new Map<
      string,
      { pairs: number; linked: number; same: number; partial: number }
    >();
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const pair of pairs) {
      const link = links.get(`${pair.a_id}\u0000${pair.b_id}`);
      const counts = perLabel.get(pair.label) ?? { pairs: 0, linked: 0, same: 0, partial: 0 };
      counts.pairs++;
      if (link) {
        counts.linked++;
        if (link.kind === 'SAME') counts.same++;
        else counts.partial++;
      }
      perLabel.set(pair.label, counts);
      if (POSITIVE.has(pair.label)) {
        if (link) tp++;
        else fn++;
      } else if (NEGATIVE.has(pair.label) && link) fp++;
      if (values.errors && POSITIVE.has(pair.label) !== Boolean(link)) {
        console.log(
          `  ${link ? 'FP' : 'FN'} ${pair.label} ${pair.a_id} ${pair.b_id} ${link?.score ?? ''}`,
        );
      }
    }
    console.log('label      pairs  linked  as SAME  as PARTIAL');
    for (const [label, c] of [...perLabel].sort()) {
      console.log(
        `${label.padEnd(10)} ${String(c.pairs).padStart(5)}  ${String(c.linked).padStart(6)}  ${String(c.same).padStart(7)}  ${String(c.partial).padStart(10)}`,
      );
    }
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    console.log(
      `precision=${precision.toFixed(3)} recall=${recall.toFixed(3)} f1=${f1.toFixed(3)}`,
    );
  } finally {
    await store.stop();
  }
}

await main();
