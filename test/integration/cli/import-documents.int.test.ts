/**
 * `recgraph import --format document|ratifications` as a user runs it: the real CLI against the
 * suite's database, with its summary, --json line, exit codes and messages.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lastJson, recgraph } from '../../helpers/cli.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';
import { DOCUMENT_FIXTURES, removeDocument } from '../../helpers/documents.ts';
import { uniqueId } from '../../helpers/factories.ts';

const t = useTestApp();
const symbol = `CEDAW/C/ARG/CO/7${uniqueId('/CLI')}`;

afterAll(() => removeDocument(t.db, symbol));

describe('recgraph import --format document', () => {
  const file = path.join(DOCUMENT_FIXTURES, 'cladem-arg-cedaw-7.md');
  const meta = [
    '--mechanism',
    'CEDAW',
    '--state',
    'ARG',
    '--symbol',
    symbol,
    '--date',
    '2016-11-25',
  ];

  it('imports a document, says what it found, and a second run changes nothing', async () => {
    const first = await recgraph(
      'import',
      '--format',
      'document',
      file,
      ...meta,
      '--language',
      'es',
      '--json',
    );
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('28 paragraph units (recommendation 13, concern 8, chapeau 5');
    expect(lastJson(first.stdout)).toMatchObject({
      documents: 1,
      recommendations: 13,
      created: 13,
    });
    // Without --language, the text's stop words tell.
    const second = await recgraph('import', '--format', 'document', file, ...meta, '--json');
    expect(second.stderr).toContain('no --language given; the text reads as "es"');
    expect(lastJson(second.stdout)).toMatchObject({ created: 0, updated: 0, unchanged: 13 });
  }, 60_000);

  it('exits 1 with the closest matches for an unknown state, writing nothing', async () => {
    const bad = await recgraph(
      'import',
      '--format',
      'document',
      file,
      ...meta.slice(0, 2),
      '--state',
      'Argentinia',
      '--symbol',
      `${symbol}-X`,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/unknown state "Argentinia"; closest: Argentina/u);
    const [row] = await t.db.read<{ n: number }>(
      'MATCH (d:Document {symbol: $s}) RETURN count(d) AS n',
      { s: `${symbol}-X` },
    );
    expect(row!.n).toBe(0);
  }, 60_000);
});

describe('recgraph import --format ratifications', () => {
  it('checks a ratification table and reports its rows (dry run)', async () => {
    const file = path.join(
      import.meta.dirname,
      '../../fixtures/ratifications/un-treaties-sample.csv',
    );
    const run = await recgraph('import', '--format', 'ratifications', file, '--dry-run', '--json');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('dry run: nothing was written');
    expect(lastJson(run.stdout)).toMatchObject({
      format: 'ratifications',
      written: false,
      read: 13,
    });
  }, 60_000);
});
