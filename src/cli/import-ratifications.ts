/**
 * `recgraph import --format ratifications FILE…`: ratification status from CSV files laid out as
 * reference/treaty-ratification/treaty_ratification_long.csv (one row per instrument and state).
 * Every row is checked first; any bad row writes nothing. See docs/importing.md#formats.
 */
import type { Db } from '../db/run.ts';
import { importRatifications } from '../features/reference/index.ts';

export interface RatificationCommandOptions {
  readonly json?: boolean;
  readonly dryRun?: boolean;
}

/** Imports ratification files; returns the exit code. */
export async function ratificationsCommand(
  db: Db,
  files: string[],
  options: RatificationCommandOptions,
): Promise<number> {
  const result = await importRatifications({ db }, files, { dryRun: options.dryRun ?? false });
  for (const w of result.warnings)
    process.stderr.write(`${w.file}:${w.line}: warning: ${w.reason}\n`);
  const lines = result.files.map(
    (f) =>
      `${f.file} (ratifications): read ${f.read}, created ${f.created}, updated ${f.updated}, unchanged ${f.unchanged}`,
  );
  lines.push(
    `total: read ${result.read}, created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}, warnings ${result.warnings.length}`,
  );
  if (!result.written) lines.push('dry run: nothing was written');
  process.stdout.write(`${lines.join('\n')}\n`);
  if (options.json) {
    const { files: perFile, warnings, ...totals } = result;
    process.stdout.write(
      `${JSON.stringify({ format: 'ratifications', ...totals, warnings: warnings.length, files: perFile })}\n`,
    );
  }
  return 0;
}
