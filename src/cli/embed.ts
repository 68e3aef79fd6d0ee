/**
 * `recgraph embed`: gives every recommendation without one the vector of its text (new,
 * reworded, or embedded by another model), with a progress bar; imports and `overlaps detect` do
 * the same on their own. In lexical-only mode it says why and does nothing.
 */
import type { Command } from 'commander';
import type { Db } from '../db/run.ts';
import { embedderStatus, embedPending, type EmbedSummary } from '../features/embeddings/index.ts';
import { progress } from './progress.ts';
import { withDatabase } from './with-database.ts';

export function registerEmbedCommand(program: Command): void {
  program
    .command('embed')
    .description(
      'compute the text vectors of recommendations that have none (see docs/embeddings.md)',
    )
    .option('--json', 'print the summary as JSON (last line)')
    .action(async (options: { json?: boolean }) => {
      await withDatabase(({ db }) => embedCommand(db, options));
    });
}

/** Embeds what is pending and reports it; shared with `import` and `overlaps detect`. */
export async function embedCommand(
  db: Db,
  options: { json?: boolean; quietWhenNothing?: boolean },
): Promise<EmbedSummary> {
  const status = embedderStatus();
  if (!status.available) {
    console.error(`lexical-only mode: ${status.reason}`);
    const summary = await embedPending({ db });
    if (options.json) console.log(JSON.stringify(summary));
    return summary;
  }
  const bar = progress(
    'embedding [{bar}] {value}/{total} recommendations | {eta_formatted} left',
    (done, total) => `embedding: ${done}/${total} recommendations`,
    options.json ?? false,
  );
  const summary = await embedPending(
    { db },
    { onProgress: ({ done, total }) => bar.update(done, total) },
  );
  bar.stop();
  if (options.json) console.log(JSON.stringify(summary));
  else if (summary.recommendations || !options.quietWhenNothing)
    console.error(describeEmbedding(summary));
  return summary;
}

export function describeEmbedding(s: EmbedSummary): string {
  const rate =
    s.modelMs > 0 ? ` (${((s.embedded * 1000) / s.modelMs).toFixed(1)} texts/s in the model)` : '';
  return `embedding: ${s.recommendations} recommendations given a vector, ${s.embedded} texts embedded${rate}, ${s.reused} reused from the cache or the graph, in ${(s.ms / 1000).toFixed(1)} s`;
}
