/** Assessments of a recommendation's implementation, each grade mapped onto the common scale. */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { canEditState, requirePermission } from '../../auth/viewer.ts';
import type { DbContext } from '../../graphql/context.ts';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../core/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { SCALES, commonGradeOf } from './assessment-scales.ts';
import * as repository from './assessment.repository.ts';
import { analyticsChanged, lockState, type WriteContext } from './follow-up-checks.ts';
import { recommendationStates } from './follow-up.repository.ts';
import { idOf, isoDate, optionalText, parse, text } from './follow-up-inputs.ts';

export const ASSESSOR_KINDS = ['MECHANISM', 'STATE', 'NHRI', 'CIVIL_SOCIETY'] as const;

const AssessmentSchema = z.object({
  recommendationId: idOf('Recommendation'),
  assessorKind: z.enum(ASSESSOR_KINDS),
  assessor: text(200),
  scale: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .refine((s) => SCALES.has(s), {
      message: `unknown scale; one of ${[...SCALES.keys()].join(', ')}`,
    }),
  grade: text(100),
  date: isoDate,
  sourceDocument: optionalText(300),
  note: optionalText(5000),
});
export type AssessmentInput = z.input<typeof AssessmentSchema>;

/**
 * Records an assessment of a recommendation with its native grade, mapped onto the common scale.
 * Reviewers record those of mechanisms, NHRIs and civil society; a committee records its own
 * state's self-assessment (assessorKind STATE) of its state's recommendations; admins any.
 */
export async function recordAssessment(
  ctx: WriteContext,
  input: AssessmentInput,
): Promise<repository.AssessmentRecord> {
  requirePermission(ctx.viewer, 'recordAssessments');
  const data = parse(AssessmentSchema, input);
  const { viewer } = ctx;
  if (viewer.role === 'COMMITTEE' && data.assessorKind !== 'STATE') {
    throw new ForbiddenError(
      "a committee records its state's own assessments (assessorKind STATE); mechanisms', NHRIs' and civil society's are recorded by reviewers",
    );
  }
  if (viewer.role === 'REVIEWER' && data.assessorKind === 'STATE') {
    throw new ForbiddenError("a state's self-assessment is recorded by its committee");
  }
  const commonGrade = commonGradeOf(data.scale, data.grade);
  if (!commonGrade) {
    const grades = Object.keys(SCALES.get(data.scale)!.grades).join(', ');
    throw new InvalidInputError(
      `grade: ${data.scale} has no grade ${JSON.stringify(data.grade)} (${grades})`,
      'grade',
    );
  }
  return ctx.db.transaction(async (tx) => {
    const states = await recommendationStates(tx, [data.recommendationId]);
    const state = states.get(data.recommendationId) ?? null;
    if (!state || (viewer.role === 'COMMITTEE' && !canEditState(viewer, state))) {
      throw new NotFoundError('Recommendation', data.recommendationId);
    }
    await lockState(tx, state);
    const assessment = await repository.createAssessment(tx, {
      id: randomUUID(),
      recommendationId: data.recommendationId,
      assessorKind: data.assessorKind,
      assessor: data.assessor,
      scale: data.scale,
      grade: data.grade,
      commonGrade,
      date: data.date,
      sourceDocument: data.sourceDocument,
      note: data.note,
      recordedBy: viewer.name ?? 'unknown',
    });
    await recordAudit(tx, viewer, {
      operation: 'RECORD_ASSESSMENT',
      entityType: 'Assessment',
      entityId: assessment.id,
      parentId: assessment.recommendationId,
      state,
      before: null,
      after: assessment,
    });
    await analyticsChanged(tx, state, [assessment.recommendationId]);
    return assessment;
  });
}

/** The assessments of each recommendation, latest first, in key order. */
export async function assessmentsOf(ctx: DbContext, recommendationIds: readonly string[]) {
  const rows = await repository.findAssessments(ctx, recommendationIds);
  return recommendationIds.map((id) =>
    rows.filter((row) => row.id === id).map((row) => row.assessment),
  );
}
