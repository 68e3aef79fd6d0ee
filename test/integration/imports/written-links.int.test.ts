/**
 * What an NDJSON import writes: a recommendation's links to dates, SDG targets, themes, affected
 * persons and recommending states, the same whether the rows are created outright or merged.
 */
import { describe, expect, it } from 'vitest';
import { readRows } from '../../../src/features/imports/formats.ts';
import { textKey } from '../../../src/features/imports/identity.ts';
import { writeBatch, type HashedRecord } from '../../../src/features/imports/import.repository.ts';
import { contentHash, importContext } from '../../../src/features/imports/import.service.ts';
import { runImport } from '../../../src/features/imports/index.ts';
import type { MechanismHint } from '../../../src/features/imports/recommendation-record.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';
import { importScopePerTest } from '../../helpers/imports.ts';

const t = useTestApp();
const { newScope, exportScope } = importScopePerTest(t);

describe('what an NDJSON import writes', () => {
  it('links dates, SDG targets, themes and affected persons, readable through GraphQL', async () => {
    const scope = newScope();
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
    const scope = newScope();
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
});
