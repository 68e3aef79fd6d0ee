/**
 * Importing NDJSON again changes nothing, an edited row counts as one update, and rows already in
 * the graph are counted as such whichever batch they arrive in.
 */
import { describe, expect, it } from 'vitest';
import { cypher as cypherOf } from '../../../src/db/cypher.ts';
import { runImport } from '../../../src/features/imports/index.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';
import { importScopePerTest } from '../../helpers/imports.ts';

const t = useTestApp();
const { newScope, lines } = importScopePerTest(t);

describe('importing NDJSON again', () => {
  it('creates, then re-imports with nothing changed, then counts an edit as one update', async () => {
    const scope = newScope();
    const file = scope.file('recs.ndjson', lines(25));
    const first = await runImport(t, { files: [file] });
    expect(first).toMatchObject({
      read: 25,
      created: 25,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      written: true,
    });
    expect(first.mechanismsCreated).toEqual([scope.mechanism]);
    expect(await scope.counts(t.db)).toEqual({ recommendations: 25, sources: 25, mechanisms: 1 });

    const again = await runImport(t, { files: [file] });
    expect(again).toMatchObject({
      read: 25,
      created: 0,
      updated: 0,
      unchanged: 25,
      mechanismsCreated: [],
    });

    const edited = scope.file('edited.ndjson', scope.ndjsonLine(3, { response: 'NOTED' }) + '\n');
    expect(await runImport(t, { files: [edited] })).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 0,
    });
  });

  it('creates runs of new batches without classifying them, and counts rows that exist all the same', async () => {
    // arrange: rows 1-3 and 11 are in the graph already; a file of rows 1-12 with row 2 edited
    const scope = newScope();
    await runImport(t, {
      files: [scope.file('some.ndjson', lines(3) + scope.ndjsonLine(11) + '\n')],
    });
    const rows = Array.from({ length: 12 }, (_, i) =>
      i === 1 ? scope.ndjsonLine(2, { response: 'NOTED' }) : scope.ndjsonLine(i + 1),
    );
    const file = scope.file('all.ndjson', rows.join('\n') + '\n');
    const classified: number[] = [];
    const db = t.db.withListener(({ cypher, params }) => {
      if (cypher === cypherOf('imports/classify-recommendations'))
        classified.push(
          ...(params['rows'] as { id: string }[]).map((r) => Number(r.id.split('#')[1])),
        );
    });

    // act: batches of three: [1-3] holds known rows, [4-6] is new, [7-9] is new, [10-12] holds 11
    const summary = await runImport({ db }, { files: [file], batchSize: 3, writers: 1 });

    // assert: counted as a classified import counts them; no row twice
    expect(summary).toMatchObject({ read: 12, created: 8, updated: 1, unchanged: 3, joined: 0 });
    expect(await scope.counts(t.db)).toEqual({ recommendations: 12, sources: 12, mechanisms: 1 });
    // The first batch, assumed new, met known rows and was classified; the second was classified
    // (the first was not all new) and was all new, so the third was created unclassified; the
    // fourth, assumed new, met row 11 and was classified.
    expect(classified).toEqual([1, 2, 3, 4, 5, 6, 10, 11, 12]);
  });
});
