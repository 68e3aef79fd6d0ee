/**
 * `recgraph import` and `recgraph export`: thin wrappers over the imports feature that add the
 * terminal side: a progress bar on a TTY (plain periodic lines otherwise), rejections as
 * `file:line: reason` on stderr, a human summary, and with --json a last line of JSON.
 */
import path from 'node:path';
import cliProgress from 'cli-progress';
import { embedCommand } from './embed.ts';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Db } from '../db/run.ts';
import {
  ENCODINGS,
  FORMAT_NAMES,
  exportNdjson,
  runImport,
  type Encoding,
  type FormatName,
  type ImportCounts,
  type ImportSummary,
} from '../features/imports/index.ts';
import { DOCUMENT_FORMATS, documentsCommand, type DocumentFormat } from './import-documents.ts';
import {
  JURISPRUDENCE_FORMATS,
  jurisprudenceCommand,
  type JurisprudenceFormat,
} from './import-jurisprudence.ts';
import { ratificationsCommand } from './import-ratifications.ts';
import { writeOutput } from './output.ts';
import { withDatabase } from './with-database.ts';

/**
 * Registers `import` and `export`.
 * @returns the `export` command, which the other features' exports (`export followup`,
 * `export stats`) hang under
 */
export function registerImportCommands(program: Command): Command {
  program
    .command('import')
    .description('import recommendation files (the format is detected when --format is omitted)')
    .argument('<files...>', 'files to import')
    .addOption(
      new Option('--format <format>', "the files' format").choices([
        ...FORMAT_NAMES,
        ...DOCUMENT_FORMATS,
        ...JURISPRUDENCE_FORMATS,
        'ratifications',
      ]),
    )
    .option('--json', 'print the summary as JSON on the last line')
    .option('--strict', 'write nothing when any row is rejected')
    .option('--dry-run', 'validate only; write nothing')
    .addOption(
      new Option('--encoding <encoding>', 'text encoding of CSV files')
        .choices(ENCODINGS)
        .default('utf8'),
    )
    .option('--mechanism <code>', 'document: the mechanism that issued it (e.g. CEDAW)')
    .option('--state <iso3>', 'document: the state it addresses (e.g. ARG)')
    .option('--symbol <symbol>', 'document: its symbol (e.g. CEDAW/C/ARG/CO/7)')
    .option('--date <date>', 'document: its date (YYYY-MM-DD, YYYY-MM or YYYY)')
    .option('--language <code>', 'document: en, es or fr (read from the text when omitted)')
    .option('--title <title>', 'document: its title')
    .option(
      '--part <name>',
      'document: keep it as a part of its symbol (another version, a chapter)',
    )
    .addOption(
      new Option('--cycle <n>', 'document: the review cycle or ordinal').argParser((v) => {
        if (!/^\d+$/u.test(v) || Number(v) < 1)
          throw new InvalidArgumentError('a positive whole number, e.g. 7');
        return Number(v);
      }),
    )
    .action(async (files: string[], options: ImportCommandOptions) => {
      const format = options.format as string | undefined;
      if (format && (JURISPRUDENCE_FORMATS as readonly string[]).includes(format)) {
        process.exitCode = await withDatabase(({ db }) =>
          jurisprudenceCommand(db, format as JurisprudenceFormat, files, options),
        );
        return;
      }
      if (format === 'ratifications') {
        process.exitCode = await withDatabase(({ db }) => ratificationsCommand(db, files, options));
        return;
      }
      if (format && (DOCUMENT_FORMATS as readonly string[]).includes(format)) {
        process.exitCode = await withDatabase(({ db }) =>
          documentsCommand(db, format as DocumentFormat, files, options),
        );
        return;
      }
      process.exitCode = await withDatabase(({ db }) => importCommand(db, files, options));
    });

  return program
    .command('export')
    .enablePositionalOptions()
    .description(
      "write every recommendation as canonical NDJSON (re-importable as it is); `export followup` writes a state's follow-up report",
    )
    .addOption(
      new Option('--format <format>', 'output format').choices(['ndjson']).default('ndjson'),
    )
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (options: { out?: string }) => {
      const count = await withDatabase(({ db }) => exportCommand(db, options.out));
      if (options.out) console.error(`exported ${count} recommendations to ${options.out}`);
    });
}

export interface ImportCommandOptions {
  format?: FormatName;
  mechanism?: string;
  state?: string;
  symbol?: string;
  date?: string;
  language?: string;
  title?: string;
  cycle?: number;
  part?: string;
  encoding?: Encoding;
  json?: boolean;
  strict?: boolean;
  dryRun?: boolean;
}

/** Runs an import and reports it; returns the process exit code (1 when any row was rejected). */
export async function importCommand(
  db: Db,
  files: string[],
  options: ImportCommandOptions,
): Promise<number> {
  const tty = process.stderr.isTTY && !options.json;
  const bar = tty
    ? new cliProgress.SingleBar(
        {
          format: '{phase} {file} [{bar}] {percentage}% | {rows} rows | {eta_formatted} left',
          hideCursor: true,
          clearOnComplete: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  let lastLine = 0;
  let barFile: string | undefined;
  const summary = await runImport(
    { db },
    {
      files,
      format: options.format,
      strict: options.strict,
      dryRun: options.dryRun,
      encoding: options.encoding,
      onRejected: (r) => {
        bar?.stop();
        barFile = undefined;
        process.stderr.write(`${r.file}:${r.line}: rejected: ${r.reason}\n`);
      },
      onWarning: (w) => {
        bar?.stop();
        barFile = undefined;
        process.stderr.write(`${w.file}:${w.line}: warning: ${w.reason}\n`);
      },
      onProgress: (p) => {
        const payload = { phase: p.phase, file: path.basename(p.file), rows: p.rows };
        if (bar) {
          // The bar measures bytes (known up front) and shows rows alongside.
          if (barFile !== p.file) {
            bar.start(p.bytesTotal, p.bytesRead, payload);
            barFile = p.file;
          } else bar.update(p.bytesRead, payload);
          if (p.bytesRead >= p.bytesTotal) {
            bar.stop();
            barFile = undefined;
          }
        } else if (Date.now() - lastLine > 5000) {
          lastLine = Date.now();
          const percent = p.bytesTotal ? Math.floor((100 * p.bytesRead) / p.bytesTotal) : 100;
          process.stderr.write(`${p.phase}: ${p.file}: ${p.rows} rows (${percent}%)\n`);
        }
      },
    },
  );
  bar?.stop();
  process.stdout.write(humanSummary(summary, options));
  // The new texts' vectors, so that similarity search and the next detection see them.
  if (summary.written && !options.dryRun && summary.created + summary.updated > 0) {
    await embedCommand(db, { json: false, quietWhenNothing: true });
  }
  if (options.json) {
    const { rejections: _rejections, ...rest } = summary;
    process.stdout.write(`${JSON.stringify(rest)}\n`);
  }
  return summary.rejected > 0 ? 1 : 0;
}

/** The counts that only some formats produce, when there are any. */
function extras(c: ImportCounts): string {
  const parts = [
    c.joined ? `joined ${c.joined} to existing recommendations` : '',
    c.pledges ? `voluntary pledges ${c.pledges}` : '',
    c.skipped ? `skipped ${c.skipped} non-recommendations` : '',
  ].filter(Boolean);
  return parts.length ? `, ${parts.join(', ')}` : '';
}

function humanSummary(s: ImportSummary, options: ImportCommandOptions): string {
  const lines = s.files.map(
    (f) =>
      `${f.file} (${f.format}): read ${f.read}, created ${f.created}, updated ${f.updated}, unchanged ${f.unchanged}, rejected ${f.rejected}, warnings ${f.warnings}${extras(f)}`,
  );
  lines.push(
    `total: read ${s.read}, created ${s.created}, updated ${s.updated}, unchanged ${s.unchanged}, rejected ${s.rejected}, warnings ${s.warnings}${extras(s)} in ${s.seconds} s`,
  );
  if (s.mechanismsCreated.length) lines.push(`new mechanisms: ${s.mechanismsCreated.join(', ')}`);
  if (s.crossSource) {
    lines.push(
      `cross-source matching: ${s.crossSource.compared} UPR Info recommendations without a word-for-word report counterpart, ${s.crossSource.linked} linked by a suggested SAME_AS`,
    );
  }
  if (options.dryRun) lines.push('dry run: nothing was written');
  else if (!s.written)
    lines.push(`--strict: nothing was written because ${s.rejected} rows were rejected`);
  return `${lines.join('\n')}\n`;
}

/** Writes every recommendation as NDJSON to `out` (a path) or stdout. Returns how many. */
export async function exportCommand(db: Db, out: string | undefined): Promise<number> {
  let count = 0;
  async function* lines() {
    for await (const line of exportNdjson({ db })) {
      count++;
      yield `${line}\n`;
    }
  }
  await writeOutput(out, lines());
  return count;
}
