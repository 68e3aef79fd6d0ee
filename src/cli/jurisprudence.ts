/**
 * `recgraph jurisprudence link [--full]`: reads the citations of the recommendations already in
 * the graph and points every citation at its target (docs/jurisprudence.md, "Citations"). A
 * progress bar on a TTY, a line every 5 s otherwise, with --json a last line of JSON.
 */
import type { Command } from 'commander';
import type { Db } from '../db/run.ts';
import { linkCitations, type LinkSummary } from '../features/jurisprudence/index.ts';
import { progress } from './progress.ts';
import { withDatabase } from './with-database.ts';

export function registerJurisprudenceCommands(program: Command): void {
  const jurisprudence = program
    .command('jurisprudence')
    .description(
      'decisions, general comments and the citations of recommendations (see docs/jurisprudence.md)',
    );
  jurisprudence
    .command('link')
    .description(
      'read the citations of recommendations not read yet (or read by an older reader) and resolve every citation without a target',
    )
    .option('--full', 'read every recommendation again and resolve every citation again')
    .option('--json', 'print the summary as JSON (last line)')
    .action(async (options: { full?: boolean; json?: boolean }) => {
      await withDatabase(({ db }) => linkCommand(db, options));
    });
}

export async function linkCommand(
  db: Db,
  options: { full?: boolean; json?: boolean },
): Promise<LinkSummary> {
  const bar = progress(
    'citations [{bar}] {value}/{total} recommendations | {eta_formatted} left',
    (done, total) => `citations: ${done}/${total} recommendations`,
    options.json ?? false,
  );
  const summary = await linkCitations(
    { db },
    {
      full: options.full ?? false,
      onProgress: ({ done, total }) => bar.update(done, total),
    },
  );
  bar.stop();
  if (options.json) console.log(JSON.stringify(summary));
  else {
    console.log(
      `${summary.full ? 'full' : 'incremental'}: read ${summary.read} recommendations, ${summary.citing} cite something (${summary.citations} citations); ${summary.resolved} references resolved in ${(summary.ms / 1000).toFixed(1)} s`,
    );
    for (const k of summary.byKind)
      console.log(
        `  ${k.kind}: ${k.references} references (${k.resolved} resolved), ${k.links} citations (${k.resolvedLinks} resolved)`,
      );
  }
  return summary;
}
