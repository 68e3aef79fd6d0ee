import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRows, type ParsedRow } from '../../../src/features/imports/formats.ts';
import { referenceFormatContext } from '../../helpers/format-context.ts';

const SAMPLE = path.join(import.meta.dirname, '../../fixtures/ohchr-thematic-list-sample.csv');
const rows: ParsedRow[] = [];
for await (const row of readRows(SAMPLE, 'ohchr-thematic-list', referenceFormatContext())) {
  rows.push(row);
}
const records = rows.flatMap((row) => (row.ok ? [row.record] : []));

describe('the OHCHR thematic-list reader', () => {
  it('turns a row into a canonical record with a stable id from the report symbol and paragraph', () => {
    expect(records[0]).toEqual({
      id: 'A/HRC/28/15#115.4',
      mechanism: 'UPR',
      state: 'SVN',
      text: 'Ratify the Optional Protocol to the Covenant on Economic, Social and Cultural Rights',
      language: 'en',
      date: null,
      year: 2014,
      documentSymbol: 'A/HRC/28/15',
      paragraph: '115.4',
      cycle: 2,
      session: 20,
      recommendingStates: ['ESP', 'TUN', 'PRT'],
      recommendingStatesUnmatched: [],
      response: 'SUPPORTED',
      themes: [{ scheme: 'UHRI_LEGACY', code: 'A12', label: 'Acceptance of international norms' }],
      affectedGroups: [],
      sdgGoals: [],
      sdgTargets: [],
      source: {
        dataset: 'ohchr-thematic-list:ohchr-thematic-list-sample.csv',
        id: 'A/HRC/28/15#115.4',
      },
      otherSources: [],
    });
  });

  it('reads current UHRI themes, affected groups and SDG goals', () => {
    expect(records[1]).toMatchObject({
      id: 'A/HRC/43/15#121.29',
      themes: [
        {
          scheme: 'UHRI',
          code: 'discrimination-against-women',
          label: 'Discrimination against women',
        },
        { scheme: 'UHRI', code: 'advancement-of-women', label: 'Advancement of women' },
      ],
      affectedGroups: [{ code: 'women-girls', label: 'Women & girls' }],
      sdgGoals: ['5', '16'],
    });
  });

  it('keeps a row with an unknown recommending state, reporting it as a warning', () => {
    const row = rows.find((r) => r.ok && r.record.id === 'A/HRC/43/15#121.31');
    expect(row).toMatchObject({
      line: 5,
      record: {
        recommendingStates: ['BOL'],
        recommendingStatesUnmatched: ['Narnia'],
        response: 'NOTED',
      },
      warnings: ['unknown recommending state "Narnia" kept as written'],
    });
  });

  it('rejects rows it cannot identify, with their line numbers, and never guesses the state', () => {
    expect(records).toHaveLength(3);
    expect(rows.filter((r) => !r.ok)).toEqual([
      { line: 4, ok: false, reason: 'unknown state under review "Atlantis"' },
      {
        line: 6,
        ok: false,
        reason: 'missing paragraph, text or report symbol (source_of_position)',
      },
      { line: 7, ok: false, reason: 'duplicate recommendation A/HRC/43/15#121.29 in this file' },
    ]);
  });
});
