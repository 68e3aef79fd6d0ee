/**
 * `recgraph import --format ohchr-juris|hudoc|general-comments`: treaty-body decisions, ECtHR
 * judgments and general comments. Rejected rows on stderr as `file:line: rejected: reason`, a
 * summary on stdout, with --json a last line of JSON; exit code 1 when any row was rejected.
 * See docs/jurisprudence.md.
 */
import type { Db } from '../db/run.ts';
import {
  importGeneralComments,
  importHudoc,
  importOhchrJuris,
} from '../features/jurisprudence/index.ts';

export const JURISPRUDENCE_FORMATS = ['ohchr-juris', 'hudoc', 'general-comments'] as const;
export type JurisprudenceFormat = (typeof JURISPRUDENCE_FORMATS)[number];

interface Problem {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

/** Imports jurisprudence files; returns the exit code. */
export async function jurisprudenceCommand(
  db: Db,
  format: JurisprudenceFormat,
  files: string[],
  options: { readonly json?: boolean; readonly dryRun?: boolean },
): Promise<number> {
  const dryRun = options.dryRun ?? false;
  const result =
    format === 'general-comments'
      ? await importGeneralComments({ db }, files, { dryRun })
      : await (format === 'hudoc' ? importHudoc : importOhchrJuris)({ db }, files, { dryRun });
  const report = (kind: string, problems: readonly Problem[]) => {
    for (const p of problems) process.stderr.write(`${p.file}:${p.line}: ${kind}: ${p.reason}\n`);
  };
  report('rejected', result.rejections);
  report('warning', result.warnings);
  const lines = [
    `${format}: read ${result.read}, created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}, rejected ${result.rejected}, warnings ${result.warnings.length}`,
  ];
  if ('comments' in result)
    lines.push(
      `general comments: created ${result.comments.created}, updated ${result.comments.updated}, unchanged ${result.comments.unchanged}`,
    );
  if (result.written) lines.push(`citations resolved: ${result.citationsResolved}`);
  if (!result.written) lines.push('dry run: nothing was written');
  process.stdout.write(`${lines.join('\n')}\n`);
  if (options.json) {
    const { rejections: _r, warnings, ...counts } = result;
    process.stdout.write(`${JSON.stringify({ format, ...counts, warnings: warnings.length })}\n`);
  }
  return result.rejected > 0 ? 1 : 0;
}
