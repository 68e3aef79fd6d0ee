/**
 * Export -> import round trips: the export of an import, and of the demo data, re-import with
 * nothing changed.
 */
import { describe, expect, it } from 'vitest';
import { exportNdjson, runImport } from '../../../src/features/imports/index.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';
import { importScopePerTest } from '../../helpers/imports.ts';

const t = useTestApp();
const { newScope, lines, exportScope } = importScopePerTest(t);

describe('export -> import round trips', () => {
  it('round-trips: export -> import changes nothing, and the export is the same again', async () => {
    const scope = newScope();
    await runImport(t, { files: [scope.file('recs.ndjson', lines(10))] });
    const exported = await exportScope();
    expect(exported).toHaveLength(10);
    const reimported = await runImport(t, {
      files: [scope.file('export.ndjson', exported.join('\n') + '\n')],
    });
    expect(reimported).toMatchObject({
      read: 10,
      created: 0,
      updated: 0,
      unchanged: 10,
      rejected: 0,
    });
    expect(await exportScope()).toEqual(exported);
  });

  it('round-trips the demo data: its export re-imports with nothing changed', async () => {
    const scope = newScope();
    const demo: string[] = [];
    for await (const line of exportNdjson(t))
      if (line.includes('"dataset":"ohchr-thematic-list:slovenia')) demo.push(line);
    expect(demo).toHaveLength(632);
    const result = await runImport(t, {
      files: [scope.file('demo.ndjson', demo.join('\n') + '\n')],
    });
    expect(result).toMatchObject({
      read: 632,
      created: 0,
      updated: 0,
      unchanged: 632,
      rejected: 0,
    });
  });
});
