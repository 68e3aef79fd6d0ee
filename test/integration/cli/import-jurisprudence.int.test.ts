/**
 * `recgraph import --format ohchr-juris|hudoc|general-comments` as a user runs it: the real CLI
 * against the suite's database, dry runs (the importers' writes are tested in
 * test/integration/jurisprudence), with their summaries, --json lines and exit codes.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lastJson, recgraph } from '../../helpers/cli.ts';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures/jurisprudence');

describe('recgraph import of jurisprudence', () => {
  it('reads treaty-body decisions, ECtHR judgments and general comments (dry runs)', async () => {
    for (const [format, file, rejected] of [
      // The OHCHR sample keeps a decision against "Yugoslavia", which names no state today.
      ['ohchr-juris', 'decisions/ohchr-juris-sample.xml', 1],
      ['hudoc', 'decisions/echr-od-sample.csv', 0],
      ['general-comments', 'general-comments/general-comments-sample.csv', 0],
    ] as const) {
      const run = await recgraph(
        'import',
        '--format',
        format,
        path.join(FIXTURES, file),
        '--dry-run',
        '--json',
      );
      expect(run.code, `${format}: ${run.stderr}`).toBe(rejected ? 1 : 0);
      expect(run.stdout).toContain('dry run: nothing was written');
      const summary = lastJson(run.stdout);
      expect(summary).toMatchObject({ format, written: false, rejected });
      expect(summary['read']).toBeGreaterThan(rejected);
    }
  }, 90_000);

  it('exits 1 and names the line of a rejected row', async () => {
    const run = await recgraph(
      'import',
      '--format',
      'general-comments',
      path.join(FIXTURES, 'general-comments/malformed/general-comments-malformed.csv'),
      '--dry-run',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/general-comments-malformed\.csv:\d+: rejected: /u);
    const juris = await recgraph(
      'import',
      '--format',
      'ohchr-juris',
      path.join(FIXTURES, 'decisions/ohchr-juris-sample.xml'),
      '--dry-run',
    );
    expect(juris.stderr).toMatch(
      /ohchr-juris-sample\.xml:3: rejected: unknown state "Yugoslavia"/u,
    );
  }, 60_000);
});
