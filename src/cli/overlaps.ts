/**
 * `recgraph overlaps detect` and `recgraph overlaps export`: the terminal side of the overlaps
 * feature (a progress bar by state on a TTY, a line every 5 s otherwise, --json last line).
 */
import { Option, type Command } from 'commander';
import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import type { Db } from '../db/run.ts';
import { detectOverlaps, exportCsvRows, type DetectSummary } from '../features/overlaps/index.ts';
import { writeOutput } from './output.ts';
import { embedderStatus } from '../features/embeddings/index.ts';
import { describeEmbedding } from './embed.ts';
import { progress } from './progress.ts';
import { withDatabase } from './with-database.ts';

export function registerOverlapCommands(program: Command): void {
  const overlaps = program
    .command('overlaps')
    .description('overlapping and repeated recommendations (see docs/overlaps.md)');
  overlaps
    .command('detect')
    .description("compare the recommendations not yet compared against all of their state's")
    .option(
      '--full',
      'rebuild: drop the suggested links (reviewed ones stay) and compare everything',
    )
    .option('--json', 'print the summary as JSON (last line)')
    .action(async (options: { full?: boolean; json?: boolean }) => {
      await withDatabase(({ db }) => detectCommand(db, options));
    });
  overlaps
    .command('export')
    .description('write every stored pair as CSV: a_id,b_id,score,kind,methods,status')
    .addOption(new Option('--format <format>', 'output format').choices(['csv']).default('csv'))
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (options: { out?: string }) => {
      const count = await withDatabase(({ db }) => exportOverlapsCommand(db, options.out));
      if (options.out) console.error(`exported ${count} pairs to ${options.out}`);
    });
}

export async function detectCommand(
  db: Db,
  options: { full?: boolean; json?: boolean },
): Promise<DetectSummary> {
  const bar = progress(
    'overlaps [{bar}] {value}/{total} states | {state} | {eta_formatted} left',
    (done, total, { state }) => `overlaps: ${done}/${total} states (last ${state})`,
    options.json ?? false,
  );
  const embedding = progress(
    'embedding [{bar}] {value}/{total} recommendations | {eta_formatted} left',
    (done, total) => `embedding: ${done}/${total} recommendations`,
    options.json ?? false,
  );
  if (!embedderStatus().available) {
    console.error(`lexical-only mode: ${(embedderStatus() as { reason: string }).reason}`);
  }
  const summary = await detectOverlaps(
    { db },
    {
      full: options.full ?? false,
      onEmbed: ({ done, total }) => {
        if (total > 0) embedding.update(done, total);
        if (done === total) embedding.stop();
      },
      onState: ({ state, done, total }) => bar.update(done, total, { state }),
    },
  );
  embedding.stop();
  bar.stop();
  if (summary.embedding?.recommendations && !options.json) {
    console.error(describeEmbedding(summary.embedding));
  }
  if (options.json) console.log(JSON.stringify(summary));
  else {
    console.log(
      `${options.full ? 'full rebuild' : 'incremental'}: ${summary.compared} recommendations compared in ${summary.states} states, ${summary.candidates} candidate pairs, ${summary.links} links, ${summary.repeats} repeats, ${summary.clusters} clusters written in ${(summary.ms / 1000).toFixed(1)} s`,
    );
  }
  return summary;
}

/** Writes every stored pair as CSV `a_id,b_id,score,kind,methods,status` (methods joined by "+"). */
export async function exportOverlapsCommand(db: Db, out: string | undefined): Promise<number> {
  const rows = await exportCsvRows({ db });
  const csv = stringify({
    header: true,
    columns: ['a_id', 'b_id', 'score', 'kind', 'methods', 'status'],
  });
  await writeOutput(
    out,
    Readable.from(rows.map((row) => ({ ...row, methods: row.methods.join('+') }))).pipe(csv),
  );
  return rows.length;
}
