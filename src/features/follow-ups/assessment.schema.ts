import { builder } from '../../graphql/builder.ts';
import { RecommendationRef } from '../recommendations/index.ts';
import { COMMON_GRADES } from './assessment-scales.ts';
import type { AssessmentRecord } from './assessment.repository.ts';
import * as service from './assessment.service.ts';
import { WRITE_ERRORS } from './follow-up-checks.ts';

const CommonGradeEnum = builder.enumType('CommonGrade', {
  description:
    'The common scale every native grade maps onto (docs/follow-up.md, "Assessment scales").',
  values: COMMON_GRADES,
});

const AssessorKindEnum = builder.enumType('AssessorKind', {
  values: service.ASSESSOR_KINDS,
});

const AssessmentRef = builder.objectRef<AssessmentRecord>('Assessment').implement({
  description:
    "An assessment of a recommendation's implementation: the assessor's native grade exactly as written, mapped onto the common scale.",
  fields: (t) => ({
    id: t.exposeID('id'),
    recommendation: t.field({ type: RecommendationRef, resolve: (s) => s.recommendationId }),
    assessorKind: t.field({
      type: AssessorKindEnum,
      resolve: (s) => s.assessorKind as (typeof service.ASSESSOR_KINDS)[number],
    }),
    assessor: t.exposeString('assessor', { description: 'e.g. CCPR, the Ombudsman, an NGO.' }),
    scale: t.exposeString('scale', { description: 'CCPR, CCPR_LEGACY, IACHR, UPR_SELF, ...' }),
    grade: t.exposeString('grade', { description: 'The native grade as the assessor wrote it.' }),
    commonGrade: t.field({
      type: CommonGradeEnum,
      resolve: (s) => s.commonGrade as (typeof COMMON_GRADES)[number],
    }),
    date: t.field({ type: 'Date', resolve: (s) => s.date }),
    sourceDocument: t.exposeString('sourceDocument', { nullable: true }),
    note: t.exposeString('note', { nullable: true }),
    recordedBy: t.exposeString('recordedBy'),
    recordedAt: t.exposeString('recordedAt'),
  }),
});

builder.objectFields(RecommendationRef, (t) => ({
  assessments: t.loadableList({
    type: AssessmentRef,
    description: 'Assessments of its implementation, latest first.',
    load: (ids: string[], ctx) => service.assessmentsOf(ctx, ids),
    resolve: (r) => r.id,
  }),
}));

const RecordAssessmentInput = builder.inputType('RecordAssessmentInput', {
  fields: (t) => ({
    recommendationId: t.id({ required: true }),
    assessorKind: t.field({ type: AssessorKindEnum, required: true }),
    assessor: t.string({ required: true, description: 'e.g. CCPR, Human Rights Ombudsman.' }),
    scale: t.string({
      required: true,
      description: 'CCPR, CCPR_LEGACY, IACHR, ECTHR_EXECUTION, ECSR, UPR_SELF or COMMON.',
    }),
    grade: t.string({ required: true, description: 'The native grade exactly as written.' }),
    date: t.field({ type: 'Date', required: true }),
    sourceDocument: t.string({ required: false }),
    note: t.string({ required: false }),
  }),
});

builder.mutationFields((t) => ({
  recordAssessment: t.field({
    type: AssessmentRef,
    description:
      "Record an assessment: REVIEWER for mechanisms', NHRIs' and civil society's; a state's COMMITTEE for its own (assessorKind STATE); ADMIN any.",
    errors: { types: WRITE_ERRORS, directResult: true, union: { name: 'RecordAssessmentResult' } },
    args: { input: t.arg({ type: RecordAssessmentInput, required: true }) },
    resolve: (_root, { input }, ctx) => service.recordAssessment(ctx, input),
  }),
}));
