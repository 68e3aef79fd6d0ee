/** `recgraph export followup`: the committee's report of one state, to a file or stdout. */
import { Option, type Command } from 'commander';
import type { Db } from '../db/run.ts';
import {
  OPERATOR,
  REPORT_FORMATS,
  followUpReport,
  type ReportFormat,
} from '../features/follow-ups/index.ts';
import { writeOutput } from './output.ts';
import { withDatabase } from './with-database.ts';

/** Registers `export followup` under the `export` command. */
export function registerFollowUpCommands(exportCommand: Command): void {
  exportCommand
    .command('followup')
    .description(
      "a state's follow-up report: its recommendations grouped by overlap cluster, with actions, agencies, status, deadlines and latest progress",
    )
    .requiredOption('--state <iso3>', 'the state (ISO 3166 alpha-3, e.g. SVN)')
    .addOption(
      new Option('--format <format>', 'csv, md (Markdown) or xlsx')
        .choices(REPORT_FORMATS)
        .default('md'),
    )
    .option(
      '--out <file>',
      'write to a file (default: stdout; xlsx: follow-up-<STATE>-<date>.xlsx)',
    )
    .action(async (options: { state: string; format: ReportFormat; out?: string }) => {
      const written = await withDatabase(({ db }) => exportFollowUpCommand(db, options));
      if (written) console.error(`wrote ${written}`);
    });
}

/**
 * Writes the report to `out`, or to stdout for CSV and Markdown; an XLSX workbook without `out`
 * goes to a file named after the state and date in the working directory (never to a terminal).
 * @returns the file written, or null for stdout
 */
export async function exportFollowUpCommand(
  db: Db,
  options: { state: string; format: ReportFormat; out?: string | undefined },
): Promise<string | null> {
  const state = options.state.toUpperCase();
  if (!/^[A-Z]{3}$/u.test(state)) {
    throw new Error(`--state ${options.state}: expected an ISO 3166 alpha-3 code such as SVN`);
  }
  const report = await followUpReport({ db, viewer: OPERATOR }, state, options.format);
  const out = options.out ?? (options.format === 'xlsx' ? report.filename : undefined);
  if (!out) {
    process.stdout.write(report.body);
    return null;
  }
  await writeOutput(out, [report.body]);
  return out;
}
