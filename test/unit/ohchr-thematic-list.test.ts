import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOhchrThematicList } from '../../src/features/imports/index.ts';
import { readReferenceData, readUprSessions } from '../../src/features/reference/index.ts';
import { StateNameIndex } from '../../src/features/states/index.ts';

const sample = fs.readFileSync(
  path.join(import.meta.dirname, '../fixtures/ohchr-thematic-list-sample.csv'),
);
const parsed = parseOhchrThematicList(sample, {
  dataset: 'sample',
  names: new StateNameIndex(readReferenceData().states),
  sessions: readUprSessions(),
});

describe('the OHCHR thematic-list reader', () => {
  it('turns a row into a canonical record with a stable id from the report symbol and paragraph', () => {
    expect(parsed.records[0]).toEqual({
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
      source: { dataset: 'sample', id: 'A/HRC/28/15#115.4' },
    });
  });

  it('reads current UHRI themes, affected groups and SDG goals', () => {
    expect(parsed.records[1]).toMatchObject({
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
    expect(parsed.records[2]).toMatchObject({
      id: 'A/HRC/43/15#121.31',
      recommendingStates: ['BOL'],
      recommendingStatesUnmatched: ['Narnia'],
      response: 'NOTED',
    });
    expect(parsed.warnings).toEqual([
      { line: 5, reason: 'unknown recommending state "Narnia" kept as written' },
    ]);
  });

  it('rejects rows it cannot identify, with their line numbers, and never guesses the state', () => {
    expect(parsed.records).toHaveLength(3);
    expect(parsed.rejected).toEqual([
      { line: 4, reason: 'unknown state under review "Atlantis"' },
      { line: 6, reason: 'missing paragraph, text or report symbol (source_of_position)' },
      { line: 7, reason: 'duplicate recommendation A/HRC/43/15#121.29 in this file' },
    ]);
  });
});
