/**
 * Bad import input: every bad row reported by file, line and reason (NDJSON and broken CSV),
 * --strict and --dry-run writing nothing, missing files stopping the import before it writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../src/features/imports/index.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';
import { importScopePerTest } from '../../helpers/imports.ts';

const t = useTestApp();
const { newScope, lines } = importScopePerTest(t);

describe('bad import input', () => {
  it('reports every bad row with file, line and reason; keeps formula-like text as plain text', async () => {
    const scope = newScope();
    const big = 'x'.repeat(1024 * 1024);
    const content = [
      scope.ndjsonLine(1),
      '{"mechanism": "CEDAW", "state": "SVN", "text": "unclosed',
      scope.ndjsonLine(3, { state: 'XXX' }),
      scope.ndjsonLine(4, { text: '' }),
      scope.ndjsonLine(5, { text: "=cmd|' /C calc'!A0" }),
      scope.ndjsonLine(6, { text: big }),
      scope.ndjsonLine(7, { year: 'last year' }),
      scope.ndjsonLine(8, { recommendingStates: ['Narnia', 'Trinidad & Tobago'] }),
    ].join('\n');
    const file = scope.file('bad.ndjson', content + '\n');
    const summary = await runImport(t, { files: [file] });
    expect(summary.rejections.map((r) => [r.line, r.reason.split(' (')[0]])).toEqual([
      [2, 'not valid JSON'],
      [3, 'unknown state "XXX"'],
      [4, 'text: Too small: expected string to have >=1 characters'],
      [6, 'text: Too big: expected string to have <=200000 characters'],
      [7, 'year: Invalid input: expected number, received string'],
    ]);
    expect(summary.rejections.every((r) => r.file === file)).toBe(true);
    expect(summary).toMatchObject({ read: 8, created: 3, rejected: 5, warnings: 1 });
    const formula = await t.db.read<{ text: string }>(
      'MATCH (r:Recommendation {mechanism: $m, paragraph: "5"}) RETURN r.text AS text',
      { m: scope.mechanism },
    );
    expect(formula).toEqual([{ text: "=cmd|' /C calc'!A0" }]);
    const kept = await t.db.read<{ unmatched: string[]; states: string[] }>(
      `MATCH (r:Recommendation {mechanism: $m, paragraph: "8"}) OPTIONAL MATCH (r)-[:RECOMMENDED_BY]->(s)
       RETURN r.recommendingStatesUnmatched AS unmatched, collect(s.iso3) AS states`,
      { m: scope.mechanism },
    );
    expect(kept).toEqual([{ unmatched: ['Narnia'], states: ['TTO'] }]);
  });

  it('rejects broken CSV rows (unbalanced quotes, wrong column count, invalid UTF-8) by line', async () => {
    const scope = newScope();
    const header =
      'cycle,session,state_under_review,paragraph,text,recommending_states,position,source_of_position,theme_heading,themes,affected_persons,sdgs';
    const ok = (p: string) =>
      `3,34,Slovenia,${p},Adopt a law (Spain);,Spain,Supported,A/HRC/43/15 - Para 121,X,X,,`;
    const file = path.join(scope.dir, 'bad.csv');
    fs.writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(
          [header, ok('901.1'), '3,34,Slovenia,901.2,too few columns', ok('901.3')].join('\n') +
            '\n',
        ),
        Buffer.from(
          '3,34,Slovenia,901.4,Bad byte \xff here (Spain);,Spain,Supported,A/HRC/43/15 - Para 121,X,X,,\n',
          'latin1',
        ),
        Buffer.from(ok('901.5') + '\n'),
      ]),
    );
    const summary = await runImport(t, {
      files: [file],
      format: 'ohchr-thematic-list',
      dryRun: true,
    });
    expect(summary.rejections.map((r) => [r.line, r.reason])).toEqual([
      [3, 'wrong number of columns'],
      [
        5,
        expect.stringMatching(
          /^invalid UTF-8 \(if the whole file is MacRoman.*--encoding macroman\)$/,
        ),
      ],
    ]);
    expect(summary).toMatchObject({ read: 5, rejected: 2, written: false });

    const unbalanced = scope.file(
      'quotes.csv',
      [
        header,
        ok('902.1'),
        '3,34,Slovenia,902.2,"never closed,Spain,Supported,A/HRC/43/15 - Para 121,X,X,,',
      ].join('\n') + '\n',
    );
    const quoted = await runImport(t, {
      files: [unbalanced],
      format: 'ohchr-thematic-list',
      dryRun: true,
    });
    expect(quoted.rejections.map((r) => r.reason)).toContain('unbalanced quotes');
  });

  it('--strict writes nothing when a row is bad; --dry-run writes nothing at all', async () => {
    const scope = newScope();
    const bad = scope.file(
      'strict.ndjson',
      lines(5) + scope.ndjsonLine(6, { state: 'XXX' }) + '\n',
    );
    const strict = await runImport(t, { files: [bad], strict: true });
    expect(strict).toMatchObject({ read: 6, rejected: 1, written: false, created: 0 });
    const dry = await runImport(t, { files: [scope.file('dry.ndjson', lines(5))], dryRun: true });
    expect(dry).toMatchObject({ read: 5, rejected: 0, written: false, created: 0 });
    expect(await scope.counts(t.db)).toEqual({ recommendations: 0, sources: 0, mechanisms: 0 });
  });

  it('stops before writing when a file named is missing or is a directory', async () => {
    const scope = newScope();
    const good = scope.file('good.ndjson', lines(3));
    await expect(runImport(t, { files: [good, `${good}.missing`] })).rejects.toThrow(
      /\.missing: no such file/u,
    );
    await expect(runImport(t, { files: [good, path.dirname(good)] })).rejects.toThrow(
      /is a directory/u,
    );
    expect(await scope.counts(t.db)).toEqual({ recommendations: 0, sources: 0, mechanisms: 0 });
  });
});
