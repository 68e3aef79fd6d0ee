import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMatch, overlap, terms } from '../../../src/features/imports/cross-source.ts';
import { readRows, resolveFormat, type ParsedRow } from '../../../src/features/imports/formats.ts';
import {
  parseUprText,
  textKey,
  uprTextFingerprint,
  uprTextId,
} from '../../../src/features/imports/identity.ts';
import { cycleOfYear } from '../../../src/features/imports/upr.ts';
import { readUprCycles } from '../../../src/features/reference/index.ts';
import { referenceFormatContext } from '../../helpers/format-context.ts';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures');
const INFO = path.join(FIXTURES, 'upr-info-sample.csv');
const REPORT = path.join(FIXTURES, 'upr-report-sample.csv');

async function rowsOf(file: string, format: 'upr-info' | 'upr-report'): Promise<ParsedRow[]> {
  const rows: ParsedRow[] = [];
  for await (const row of readRows(file, format, referenceFormatContext())) rows.push(row);
  return rows;
}

describe('Working Group report lines', () => {
  it.each([
    ['69.1   The round table (Kuwait). );', '69.1', 'The round table', 'Kuwait'],
    [
      '114.42. Revise its legislation (Luxembourg);',
      '114.42',
      'Revise its legislation',
      'Luxembourg',
    ],
    [
      '128.3..2 Ratify the ICRMW (Argentina, Chile);',
      '128.3.2',
      'Ratify the ICRMW',
      'Argentina, Chile',
    ],
    [
      '170.168..1 Continue to expand participation (Iran (Islamic Republic of));',
      '170.168.1',
      'Continue to expand participation',
      'Iran (Islamic Republic of)',
    ],
    [
      '98.18.2, with the assistance of partners (Ghana);',
      '98.18.2',
      'with the assistance of partners',
      'Ghana',
    ],
    ['Abolish the death penalty', null, 'Abolish the death penalty', null],
  ])('%s', (text, paragraph, body, recommending) => {
    expect(parseUprText(text)).toEqual({ paragraph, body, recommending });
  });
});

describe('UPR identity', () => {
  it('gives the same fingerprint to the same wording from both sources', () => {
    const report =
      '95.62  To establish a mechanism to monitor the Convention against Torture (CAT) (Austria);';
    const info = 'Establish a mechanism to monitor the Convention against Torture (CAT).';
    expect(uprTextFingerprint(report)).toBe(uprTextFingerprint(info));
    expect(uprTextId('AFG', 1, report)).toBe(uprTextId('AFG', 1, info));
    expect(uprTextId('AFG', 1, info)).toMatch(/^UPR\/AFG\/c1#t[0-9a-f]{12}$/);
  });

  it('keeps different wording, states and cycles apart', () => {
    const text = 'Abolish the death penalty';
    expect(uprTextId('AFG', 1, text)).not.toBe(uprTextId('AFG', 2, text));
    expect(uprTextId('AFG', 1, text)).not.toBe(uprTextId('ALB', 1, text));
    expect(uprTextFingerprint(text)).not.toBe(
      uprTextFingerprint('Abolish the death penalty in law'),
    );
    expect(textKey({ mechanism: 'UPR', state: 'AFG', cycle: 1, text })).toBe(
      `UPR/AFG/c1/${uprTextFingerprint(text)}`,
    );
  });

  it('takes the cycle from a year only when one cycle covers it', () => {
    const cycles = readUprCycles();
    expect(cycleOfYear(2008, cycles)).toBe(1);
    expect(cycleOfYear(2012, cycles)).toBe(2);
    expect(cycleOfYear(2022, cycles)).toBeNull();
    expect(cycleOfYear(1990, cycles)).toBeNull();
  });
});

describe('the upr-info and upr-report readers', () => {
  it('are detected from their headers', () => {
    expect(resolveFormat(INFO)).toBe('upr-info');
    expect(resolveFormat(REPORT)).toBe('upr-report');
  });

  it('read UPR Info rows: final responses, issues as their own themes plus clear UHRI ones, pledges apart', async () => {
    const rows = await rowsOf(INFO, 'upr-info');
    const first = rows[0]!;
    expect(first.ok && first.record).toMatchObject({
      mechanism: 'UPR',
      state: 'DZA',
      cycle: 1,
      session: 1,
      year: 2008,
      paragraph: null,
      response: 'SUPPORTED',
      recommendingStates: ['KWT'],
      source: { dataset: 'upr-info:upr-info-sample.csv', id: '2' },
      adoptByText: true,
    });
    expect(first.ok && first.record.themes).toEqual([
      { scheme: 'UPR_INFO', code: 'international-instruments', label: 'International instruments' },
      { scheme: 'UHRI_LEGACY', code: 'A12', label: 'Acceptance of international norms' },
      { scheme: 'UPR_INFO', code: 'justice', label: 'Justice' },
    ]);
    const pledge = rows[6]!;
    expect(pledge.ok && pledge.record).toMatchObject({ kind: 'PLEDGE', recommendingStates: [] });
    expect(pledge.ok && pledge.record.id).toMatch(/^UPR-PLEDGE\/DZA\/c1#t/);
    const unknown = rows[7]!;
    expect(unknown.ok && unknown.warnings).toEqual([
      'unknown recommending state "(Unknown)" kept as written',
    ]);
    expect(rows[8]).toEqual({ line: 10, ok: false, reason: 'unknown state under review "Korea"' });
  });

  it('read report rows: paragraph, recommending states from the text, first decision, cycle from year', async () => {
    const rows = await rowsOf(REPORT, 'upr-report');
    const [roundTable, crpd, , religions, korea, empty] = rows;
    expect(roundTable!.ok && roundTable!.record).toMatchObject({
      state: 'DZA',
      paragraph: '69.1',
      text: 'The establishment of an international round table to discuss the interrelation between security and fundamental freedoms',
      response: 'SUPPORTED',
      cycle: 1,
      session: null,
      year: 2008,
    });
    expect(crpd!.ok && crpd!.record).toMatchObject({
      recommendingStates: ['MEX', 'CHL'],
      response: null, // "consider": the state answered later
      weak: expect.arrayContaining(['response', 'session']) as unknown,
    });
    expect(religions!.ok && religions!.record.response).toBe('NOTED');
    expect(korea).toMatchObject({ ok: false, reason: 'unknown state under review "Korea"' });
    expect(empty).toMatchObject({ ok: false, reason: 'empty text' });
  });

  it('give the same recommendation from both files the same id', async () => {
    const info = (await rowsOf(INFO, 'upr-info')).flatMap((r) => (r.ok ? [r.record.id] : []));
    const report = (await rowsOf(REPORT, 'upr-report')).flatMap((r) => (r.ok ? [r.record.id] : []));
    expect(info[0]).toBe(report[0]); // the round table
    expect(info[1]).toBe(report[1]); // the CRPD, from Mexico ...
    expect(info[2]).toBe(report[1]); // ... and from Chile
  });
});

describe('cross-source matching scores', () => {
  it('matches a recommendation one source split out of a longer one, not a mere shared theme', () => {
    const split = terms('Review domestic legislation to criminalize domestic violence.');
    const whole = terms(
      'That Algeria take measures for the prevention of torture; recommends the review of domestic legislation to criminalize domestic violence',
    );
    expect(isMatch(overlap(split, whole))).toBe(true);
    const other = terms('Adopt a law against domestic violence and train the police');
    expect(isMatch(overlap(split, other))).toBe(false);
    // Too few words to trust containment alone.
    const many = terms('Ratify the Rome Statute, the CRPD, the ICRMW and OP-CAT');
    expect(isMatch(overlap(terms('Ratify OP-CAT'), many))).toBe(false);
  });
});
