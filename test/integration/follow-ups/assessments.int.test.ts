/**
 * Implementation assessments: the native grade kept and mapped onto the common scale, unknown
 * grades refused.
 */
import { describe, expect, it } from 'vitest';
import { useFollowUps } from '../../helpers/follow-ups.ts';

const { t, RUN, hrv, headers, mutate } = useFollowUps();

describe('assessments', () => {
  it('keeps the native grade and maps it onto the common scale; rejects unknown grades', async () => {
    const ok = await mutate(
      'recordAssessment',
      'input: $assessment',
      '... on Assessment { grade commonGrade scale }',
      {
        assessment: {
          recommendationId: hrv[0],
          assessorKind: 'MECHANISM',
          assessor: `${RUN} CCPR`,
          scale: 'ccpr_legacy',
          grade: 'B2',
          date: '2019-07-01',
        },
      },
      headers.REVIEWER,
    );
    expect(ok).toMatchObject({
      typename: 'Assessment',
      grade: 'B2',
      commonGrade: 'PARTIALLY_IMPLEMENTED',
      scale: 'CCPR_LEGACY',
    });
    const bad = await mutate(
      'recordAssessment',
      'input: $assessment',
      '',
      {
        assessment: {
          recommendationId: hrv[0],
          assessorKind: 'MECHANISM',
          assessor: `${RUN} CCPR`,
          scale: 'CCPR',
          grade: 'B1',
          date: '2019-07-01',
        },
      },
      headers.REVIEWER,
    );
    expect(bad.typename).toBe('InvalidInputError');
    const read = await t.execute<{ node: { assessments: { grade: string }[] } }>(
      'query ($id: ID!) { node(id: $id) { ... on Recommendation { assessments { grade } } } }',
      { id: `Recommendation:${hrv[0]}` },
    );
    expect(read.data!.node.assessments.map((a) => a.grade)).toContain('B2');
  });
});
