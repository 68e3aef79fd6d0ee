/** Deadlines of a UPR recommendation of the demo data, from the rules table. */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/create-test-app.ts';

const t = useTestApp();

describe('deadlines', () => {
  it('gives a UPR recommendation its mid-term report and next review from the rules table', async () => {
    const response = await t.execute<{
      node: {
        deadlines: { kind: string; dueDate: string; basisDate: string; approximate: boolean }[];
      };
    }>(
      'query { node(id: "Recommendation:A/HRC/28/15#115.18") { ... on Recommendation { deadlines { kind dueDate basisDate approximate } nextDeadline { kind } } } }',
    );
    expect(response.errors).toBeUndefined();
    const deadlines = response.data!.node.deadlines;
    expect(deadlines.map((d) => d.kind)).toEqual(['MID_TERM_REPORT', 'NEXT_REVIEW']);
    // Only the year of the review is known (2014, session 20): counted from 30 June, flagged.
    expect(deadlines.map((d) => [d.basisDate, d.approximate, d.dueDate])).toEqual([
      ['2014-06-30', true, '2016-12-30'],
      ['2014-06-30', true, '2018-12-30'],
    ]);
  });
});
