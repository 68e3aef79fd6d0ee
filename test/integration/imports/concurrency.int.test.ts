/**
 * Imports running at once: two writers of one import never write two batches that share a row,
 * and two imports of one file create no duplicates.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/run.ts';
import { runImport } from '../../../src/features/imports/index.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';
import { importScopePerTest } from '../../helpers/imports.ts';

const t = useTestApp();
const { newScope, lines } = importScopePerTest(t);

describe('imports running at once', () => {
  it('writes two batches at once, but never two that share a row', async () => {
    // arrange: 20 batches of 20 rows; each odd batch edits the first row of the batch before it,
    // while the batches are otherwise new, so that two writers run
    const scope = newScope();
    const edited = (n: number) => `Row ${n}, edited: adopt a law.`;
    const rows = Array.from({ length: 400 }, (_, i) => {
      const [k, j] = [Math.floor(i / 20), i % 20];
      const earlier = (k - 1) * 20 + 1;
      return k % 2 === 1 && j === 0
        ? scope.ndjsonLine(earlier, { text: edited(earlier) })
        : scope.ndjsonLine(i + 1);
    });
    const file = scope.file('pairs.ndjson', rows.join('\n') + '\n');
    // Each transaction: when it began and ended (commit included), and the ids it wrote.
    const transactions: { began: number; ended: number; ids: Set<string> }[] = [];
    const db = Object.create(t.db) as Db;
    db.transaction = async (work) => {
      const ids = new Set<string>();
      const began = performance.now();
      try {
        return await t.db.transaction((tx) =>
          work({
            run: (cypher, params) => {
              for (const row of (params?.['rows'] ?? []) as { id?: string }[])
                if (row.id) ids.add(row.id);
              return tx.run(cypher, params);
            },
          }),
        );
      } finally {
        transactions.push({ began, ended: performance.now(), ids });
      }
    };

    // act
    const summary = await runImport({ db }, { files: [file], batchSize: 20, writers: 2 });

    // assert: as one writer would have written them
    expect(summary).toMatchObject({ read: 400, created: 390, updated: 10, unchanged: 0 });
    const texts = await t.db.read<{ paragraph: string; text: string }>(
      `MATCH (r:Recommendation {mechanism: $m}) WHERE r.text CONTAINS 'edited'
       RETURN r.paragraph AS paragraph, r.text AS text ORDER BY toInteger(paragraph)`,
      { m: scope.mechanism },
    );
    const editedRows = [1, 41, 81, 121, 161, 201, 241, 281, 321, 361];
    expect(texts).toEqual(editedRows.map((n) => ({ paragraph: `${n}`, text: edited(n) })));
    const overlap = (a: (typeof transactions)[number], b: (typeof transactions)[number]) =>
      a.began < b.ended && b.began < a.ended;
    const pairs = transactions.flatMap((a, i) => transactions.slice(i + 1).map((b) => [a, b]));
    const sharing = pairs.filter(([a, b]) => [...a!.ids].some((id) => b!.ids.has(id)));
    expect(sharing.length).toBeGreaterThanOrEqual(10);
    expect(sharing.filter(([a, b]) => overlap(a!, b!))).toEqual([]);
    // Batches that share nothing did run at once.
    expect(pairs.some(([a, b]) => overlap(a!, b!))).toBe(true);
  });

  it('two imports of the same file at once create no duplicates', async () => {
    const scope = newScope();
    const file = scope.file('twice.ndjson', lines(3000));
    const [a, b] = await Promise.all([
      runImport(t, { files: [file] }),
      runImport(t, { files: [file] }),
    ]);
    expect(a.read + b.read).toBe(6000);
    // Each recommendation is counted created by exactly one of the two runs, unchanged by the other.
    expect(a.created + b.created).toBe(3000);
    expect(a.unchanged + b.unchanged).toBe(3000);
    expect(await scope.counts(t.db)).toEqual({
      recommendations: 3000,
      sources: 3000,
      mechanisms: 1,
    });
  });
});
