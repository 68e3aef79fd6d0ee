import { describe, expect, it } from 'vitest';
import { commonGradeOf, SCALES } from '../../../src/features/follow-ups/assessment-scales.ts';
import {
  addMonths,
  deadlineRules,
  deadlinesOf,
  nextDeadline,
} from '../../../src/features/follow-ups/deadlines.ts';

describe('deadlines from mechanism rules', () => {
  it('adds whole months, clamping the day to the end of the month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2019-11-08', 30)).toBe('2022-05-08');
    expect(addMonths('2024-12-15', 12)).toBe('2025-12-15');
  });

  it('reads one rule per mechanism and kind from reference/deadlines.csv', () => {
    const rules = deadlineRules();
    const keys = rules.map((r) => `${r.mechanism} ${r.kind} ${r.monthsAfter}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'UPR MID_TERM_REPORT 30',
        'UPR NEXT_REVIEW 54',
        'CAT FOLLOW_UP_REPORT 12',
        'CEDAW FOLLOW_UP_REPORT 24',
        'GREVIO COMMITTEE_OF_THE_PARTIES_REPORT 36',
      ]),
    );
    expect(new Set(rules.map((r) => `${r.mechanism} ${r.kind}`)).size).toBe(rules.length);
    // Every treaty-body follow-up falls in the 1-2 years the procedures set.
    for (const rule of rules.filter((r) => r.kind === 'FOLLOW_UP_REPORT')) {
      expect(rule.monthsAfter, rule.mechanism).toBeGreaterThanOrEqual(12);
      expect(rule.monthsAfter, rule.mechanism).toBeLessThanOrEqual(24);
    }
  });

  it("applies a mechanism's rules to a dated recommendation, soonest first", () => {
    const upr = deadlinesOf({ mechanism: 'UPR', date: '2019-11-08', year: 2019 });
    expect(upr.map((d) => [d.kind, d.dueDate, d.approximate])).toEqual([
      ['MID_TERM_REPORT', '2022-05-08', false],
      ['NEXT_REVIEW', '2024-05-08', false],
    ]);
    expect(nextDeadline(upr, '2023-01-01')?.kind).toBe('NEXT_REVIEW');
    expect(nextDeadline(upr, '2022-05-08')?.kind).toBe('MID_TERM_REPORT');
    expect(nextDeadline(upr, '2025-01-01')).toBeNull();
  });

  it('counts from 30 June when only the year is known, and flags it', () => {
    const [grevio] = deadlinesOf({ mechanism: 'GREVIO', date: null, year: 2021 });
    expect(grevio).toMatchObject({
      dueDate: '2024-06-30',
      approximate: true,
      basisDate: '2021-06-30',
    });
  });

  it('gives none to mechanisms without a rule or recommendations without a date', () => {
    expect(deadlinesOf({ mechanism: 'CRC', date: '2020-01-01', year: 2020 })).toEqual([]);
    expect(deadlinesOf({ mechanism: 'UPR', date: null, year: null })).toEqual([]);
  });
});

describe('assessment scales', () => {
  it('maps native grades onto the common scale, ignoring case and spacing', () => {
    expect(commonGradeOf('CCPR', 'A')).toBe('IMPLEMENTED');
    expect(commonGradeOf('CCPR', 'e')).toBe('CONTRARY');
    expect(commonGradeOf('CCPR_LEGACY', 'B2')).toBe('PARTIALLY_IMPLEMENTED');
    expect(commonGradeOf('CCPR_LEGACY', 'D1')).toBe('NO_INFORMATION');
    expect(commonGradeOf('IACHR', 'Substantial  partial compliance')).toBe('PARTIALLY_IMPLEMENTED');
    expect(commonGradeOf('IACHR', 'cumplimiento total')).toBe('IMPLEMENTED');
    expect(commonGradeOf('UPR_SELF', 'Partially implemented')).toBe('PARTIALLY_IMPLEMENTED');
    expect(commonGradeOf('COMMON', 'no_information')).toBe('NO_INFORMATION');
  });

  it('knows no grade outside a scale, and no unknown scale', () => {
    expect(commonGradeOf('CCPR', 'B1')).toBeNull();
    expect(commonGradeOf('NOPE', 'A')).toBeNull();
  });

  it('maps every grade of every scale onto a common grade', () => {
    const common = new Set([
      'IMPLEMENTED',
      'PARTIALLY_IMPLEMENTED',
      'NOT_IMPLEMENTED',
      'NO_INFORMATION',
      'CONTRARY',
    ]);
    for (const scale of SCALES.values()) {
      for (const grade of Object.values(scale.grades))
        expect(common.has(grade), scale.code).toBe(true);
    }
  });
});
