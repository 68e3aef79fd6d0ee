/**
 * Issue 3 (first part): the import pipeline's guarantees on the real Neo4j: counts, idempotent
 * re-import, export -> import round trip, bad input reported by line, --strict and --dry-run,
 * concurrent imports and an import killed half-way.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { cypher as cypherOf } from '../../../src/db/cypher.ts';
import type { Db } from '../../../src/db/run.ts';
import { readRows } from '../../../src/features/imports/formats.ts';
import { textKey } from '../../../src/features/imports/identity.ts';
import { writeBatch, type HashedRecord } from '../../../src/features/imports/import.repository.ts';
import { contentHash, importContext } from '../../../src/features/imports/import.service.ts';
import { exportNdjson, runImport } from '../../../src/features/imports/index.ts';
import type { MechanismHint } from '../../../src/features/imports/recommendation-record.ts';
import { createTestApp, type TestApp } from '../../helpers/create-test-app.ts';
import { importScope, type Scope } from '../../helpers/import-fixtures.ts';

let t: TestApp;
let scope: Scope;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());
afterEach(async () => {
  await scope.cleanup(t.db);
});

const lines = (n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => scope.ndjsonLine(from + i)).join('\n') + '\n';

async function exportScope(): Promise<string[]> {
  const out: string[] = [];
  for await (const line of exportNdjson(t))
    if (line.includes(`"mechanism":"${scope.mechanism}"`)) out.push(line);
  return out;
}

describe('issue 3: importing NDJSON', () => {
  it('creates, then re-imports with nothing changed, then counts an edit as one update', async () => {
    scope = importScope();
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
    scope = importScope();
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

  it('writes two batches at once, but never two that share a row', async () => {
    // arrange: 20 batches of 20 rows; each odd batch edits the first row of the batch before it,
    // while the batches are otherwise new, so that two writers run
    scope = importScope();
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

  it('links dates, SDG targets, themes and affected persons, readable through GraphQL', async () => {
    scope = importScope();
    const line = scope.ndjsonLine(1, {
      date: '2023-06-30',
      sdgTargets: ['5.2'],
      affectedPersons: ['Women & girls'],
      recommendingStates: ['Spain', 'PRT'],
      response: 'SUPPORTED',
    });
    await runImport(t, { files: [scope.file('one.ndjson', line + '\n')] });
    const id = `${scope.mechanism}/C/CO/1#1`;
    const result = await t.execute(
      `query ($id: ID!) { recommendation(id: $id) {
        stableId date year response mechanism { code kind name } state { iso3 } document { symbol }
        recommendingStates { iso3 } themes { scheme code } affectedGroups { code label }
        sdgTargets { code goal { code } } sdgGoals { code } sources { dataset sourceId } } }`,
      { id },
    );
    expect(result).toEqual({
      data: {
        recommendation: {
          stableId: id,
          date: '2023-06-30',
          year: 2021,
          response: 'SUPPORTED',
          mechanism: {
            code: scope.mechanism,
            kind: 'TREATY_BODY',
            name: `Test body ${scope.mechanism}`,
          },
          state: { iso3: 'SVN' },
          document: { symbol: `${scope.mechanism}/C/CO/1` },
          recommendingStates: [{ iso3: 'ESP' }, { iso3: 'PRT' }],
          themes: [{ scheme: 'TEST', code: `${scope.mechanism}-theme` }],
          affectedGroups: [{ code: 'women-girls', label: 'Women & girls' }],
          sdgTargets: [{ code: '5.2', goal: { code: '5' } }],
          sdgGoals: [{ code: '5' }],
          sources: [{ dataset: `test:${scope.mechanism}`, sourceId: '1' }],
        },
      },
    });
  });

  it('writes new recommendations the same whether created outright or merged', async () => {
    // arrange: rows with every kind of field, repeats inside their lists included
    scope = importScope();
    const file = scope.file(
      'rich.ndjson',
      [
        scope.ndjsonLine(1, {
          date: '2023-06-30',
          sdgTargets: ['5.2', '5.2', '16.3'],
          affectedPersons: ['Women & girls', 'Women & girls', 'Children'],
          recommendingStates: ['Spain', 'PRT', 'ESP', 'Atlantis'],
          response: 'SUPPORTED',
          source: { dataset: `test:${scope.mechanism}`, id: '1', notes: 'a note' },
          otherSources: [{ dataset: `test:${scope.mechanism}:other`, id: 'x1' }],
        }),
        scope.ndjsonLine(2, { cycle: 3, session: 40, response: 'NOTED', paragraph: '2.1' }),
        scope.ndjsonLine(3, {
          themes: [
            { scheme: 'TEST', code: `${scope.mechanism}-theme`, label: 'Test theme' },
            { scheme: 'TEST', code: `${scope.mechanism}-theme`, label: 'Test theme' },
            { scheme: 'TEST', code: `${scope.mechanism}-other`, label: 'Other theme' },
          ],
        }),
      ].join('\n') + '\n',
    );
    const records: HashedRecord[] = [];
    const hints = new Map<string, MechanismHint>();
    for await (const row of readRows(file, 'ndjson', await importContext(t))) {
      if (!row.ok) throw new Error(row.reason);
      records.push({
        ...row.record,
        contentHash: contentHash(row.record),
        textKey: textKey(row.record),
      });
      if (row.mechanism) hints.set(row.record.mechanism, row.mechanism);
    }

    // act: the same records through the CREATE path, then (graph cleared) through MERGE
    expect(await writeBatch(t, records, hints)).toMatchObject({ created: 3 });
    const created = await exportScope();
    const links = await scope.links(t.db);
    await scope.cleanup(t.db);
    expect(await writeBatch(t, records, hints, { createNew: false })).toMatchObject({ created: 3 });

    // assert
    expect(created).toHaveLength(3);
    expect(await exportScope()).toEqual(created);
    expect(await scope.links(t.db)).toEqual(links);
    expect(links.filter((l) => l.type === 'RECOMMENDED_BY').map((l) => l.to)).toEqual([
      'ESP',
      'PRT',
    ]);
  });

  it('round-trips: export -> import changes nothing, and the export is the same again', async () => {
    scope = importScope();
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
    scope = importScope();
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

  it('reports every bad row with file, line and reason; keeps formula-like text as plain text', async () => {
    scope = importScope();
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
    scope = importScope();
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
    scope = importScope();
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
    scope = importScope();
    const good = scope.file('good.ndjson', lines(3));
    await expect(runImport(t, { files: [good, `${good}.missing`] })).rejects.toThrow(
      /\.missing: no such file/u,
    );
    await expect(runImport(t, { files: [good, path.dirname(good)] })).rejects.toThrow(
      /is a directory/u,
    );
    expect(await scope.counts(t.db)).toEqual({ recommendations: 0, sources: 0, mechanisms: 0 });
  });

  it('two imports of the same file at once create no duplicates', async () => {
    scope = importScope();
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

  it('an import killed half-way and run again ends as an uninterrupted one', async () => {
    scope = importScope();
    const file = scope.file('kill.ndjson', lines(20_000));
    const env = {
      ...process.env,
      NEO4J_URI: inject('neo4jUri'),
      NEO4J_USER: inject('neo4jUser') ?? '',
      NEO4J_PASSWORD: inject('neo4jPassword') ?? '',
      LOG_LEVEL: 'warn',
    };
    const cli = path.join(import.meta.dirname, '../../../bin/recgraph.js');

    // arrange: start the CLI and kill it as soon as some batches are in the graph
    const child = spawn(process.execPath, [cli, 'import', file, '--json'], {
      env,
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    for (;;) {
      const { recommendations } = await scope.counts(t.db);
      if (recommendations > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    await exited;
    const partial = (await scope.counts(t.db)).recommendations;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(20_000);

    const rerun = await runImport(t, { files: [file] });
    expect(rerun.rejected).toBe(0);
    expect(rerun.unchanged).toBe(partial);
    expect(await scope.counts(t.db)).toEqual({
      recommendations: 20_000,
      sources: 20_000,
      mechanisms: 1,
    });
    console.info(
      `[kill] killed after ${partial} of 20000 rows; the rerun created ${rerun.created} and left ${rerun.unchanged} unchanged`,
    );
  });
});
