import { describe, expect, it } from 'vitest';
import { evidenceOf } from '../../../src/features/analytics/analytics.service.ts';

type Cluster = Parameters<typeof evidenceOf>[0];

const cluster = (over: Partial<Cluster>): Cluster => ({
  id: 'cluster:1',
  state: 'SVN',
  size: 3,
  mechanisms: ['UPR'],
  mechanismCount: 1,
  years: [2014, 2019],
  firstYear: 2014,
  lastYear: 2019,
  noted: [],
  assessed: [],
  repeated: [],
  cycles: [],
  recommenders: 2,
  regions: ['150', '039'],
  themes: [],
  actions: [],
  overdue: [],
  adverse: [],
  completed: false,
  multiSource: true,
  signals: [
    'NOTED',
    'NOT_IMPLEMENTED',
    'REPEATED',
    'NO_ACTION',
    'OVERDUE',
    'ADVERSE_JURISPRUDENCE',
  ],
  neglected: true,
  ...over,
});

describe('the evidence behind a cluster signal', () => {
  it('says in words what each signal rests on, counting one thing in the singular', () => {
    const one = evidenceOf(
      cluster({
        noted: ['a'],
        assessed: ['b'],
        repeated: ['c'],
        actions: ['x'],
        overdue: ['x'],
        adverse: ['CCPR/C/85/D/1153/2003'],
      }),
    );
    expect(one.map((e) => e.detail)).toEqual([
      '1 of 3 recommendations noted (not supported) by the state',
      '1 recommendation last assessed NOT_IMPLEMENTED, CONTRARY or NO_INFORMATION',
      '1 recommendation repeats an earlier one or is repeated later',
      'only cancelled or blocked follow-up actions',
      '1 follow-up action past its due date',
      '1 decision against the state on the rights these recommendations concern: a violation found, or views whose outcome is not recorded',
    ]);
    expect(one[4]).toMatchObject({ kind: 'OVERDUE', actionIds: ['x'], recommendationIds: [] });
    expect(one[5]).toMatchObject({
      kind: 'ADVERSE_JURISPRUDENCE',
      decisionIds: ['CCPR/C/85/D/1153/2003'],
    });

    const two = evidenceOf(
      cluster({
        noted: ['a', 'b'],
        assessed: ['a', 'b'],
        repeated: ['a', 'c'],
        cycles: [3, 2],
        overdue: ['x', 'y'],
        adverse: ['d1', 'd2'],
      }),
    );
    expect(two.map((e) => e.detail)).toEqual([
      '2 of 3 recommendations noted (not supported) by the state',
      '2 recommendations last assessed NOT_IMPLEMENTED, CONTRARY or NO_INFORMATION',
      'asked in UPR cycles 2, 3; 2 recommendations repeat or are repeated',
      'no follow-up action addresses any of these recommendations',
      '2 follow-up actions past their due date',
      '2 decisions against the state on the rights these recommendations concern: a violation found, or views whose outcome is not recorded',
    ]);
    expect(two[2]).toMatchObject({ kind: 'REPEATED', recommendationIds: ['a', 'c'] });
  });
});
