import {
  DuplicateConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  VersionConflictError,
} from '../../core/errors.ts';
import { builder } from '../../graphql/builder.ts';
import { RecommendationRef } from '../recommendations/index.ts';
import { StateRef, iso3Arg } from '../states/index.ts';
import { COMMON_GRADES } from './assessment-scales.ts';
import type { Deadline } from './deadlines.ts';
import { followUpReport } from './follow-up-report.ts';
import type {
  ActionRecord,
  AgencyRecord,
  AssessmentRecord,
  IndicatorRecord,
  MeasurementRecord,
  ProgressRecord,
} from './follow-up.repository.ts';
import * as service from './follow-up.service.ts';

const Iso3 = iso3Arg('state');

const ActionStatusEnum = builder.enumType('ActionStatus', {
  values: service.ACTION_STATUSES,
});

const CommonGradeEnum = builder.enumType('CommonGrade', {
  description:
    'The common scale every native grade maps onto (docs/follow-up.md, "Assessment scales").',
  values: COMMON_GRADES,
});

const AssessorKindEnum = builder.enumType('AssessorKind', {
  values: service.ASSESSOR_KINDS,
});

const ReportFormatEnum = builder.enumType('ReportFormat', {
  values: {
    CSV: { value: 'csv' },
    MD: { value: 'md', description: 'Markdown' },
    XLSX: { value: 'xlsx', description: 'An Excel workbook, base64-encoded in `content`' },
  } as const,
});

const DeadlineRef = builder.objectRef<Deadline>('Deadline').implement({
  description:
    "A report or review due under a mechanism's rules (reference/deadlines.csv), counted from the recommendation's date.",
  fields: (t) => ({
    kind: t.exposeString('kind', {
      description:
        'MID_TERM_REPORT, NEXT_REVIEW, FOLLOW_UP_REPORT, COMMITTEE_OF_THE_PARTIES_REPORT.',
    }),
    dueDate: t.field({ type: 'Date', resolve: (d) => d.dueDate }),
    mechanism: t.exposeString('mechanism'),
    description: t.exposeString('description'),
    source: t.exposeString('source', { description: 'Where the rule is written.' }),
    basisDate: t.field({ type: 'Date', resolve: (d) => d.basisDate }),
    approximate: t.exposeBoolean('approximate', {
      description: 'True when only the year of the recommendation is known (counted from 30 June).',
    }),
    passed: t.boolean({ resolve: (d) => d.dueDate < service.todayUtc() }),
  }),
});

const ProgressUpdateRef = builder
  .objectRef<ProgressRecord & { actionId: string }>('ProgressUpdate')
  .implement({
    description: "A dated report of progress on an action (internal to the state's follow-up).",
    fields: (t) => ({
      id: t.exposeID('id'),
      date: t.field({ type: 'Date', resolve: (p) => p.date }),
      status: t.field({
        type: ActionStatusEnum,
        nullable: true,
        description: 'The status the action took with this update, if it changed it.',
        resolve: (p) => p.status as service.ActionStatus | null,
      }),
      note: t.exposeString('note'),
      evidenceUrl: t.exposeString('evidenceUrl', { nullable: true }),
      author: t.exposeString('author'),
      createdAt: t.exposeString('createdAt'),
    }),
  });

const MeasurementRef = builder.objectRef<MeasurementRecord>('Measurement').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    date: t.field({ type: 'Date', resolve: (m) => m.date }),
    value: t.exposeFloat('value'),
    note: t.exposeString('note', { nullable: true }),
  }),
});

const IndicatorRef = builder.objectRef<IndicatorRecord>('Indicator').implement({
  description: "How progress on an action is measured (internal to the state's follow-up).",
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    baseline: t.exposeFloat('baseline', { nullable: true }),
    target: t.exposeFloat('target', { nullable: true }),
    unit: t.exposeString('unit', { nullable: true }),
    measurements: t.field({
      type: [MeasurementRef],
      description: 'Oldest first.',
      resolve: (i) => [...i.measurements],
    }),
    latest: t.field({
      type: MeasurementRef,
      nullable: true,
      resolve: (i) => i.measurements.at(-1) ?? null,
    }),
  }),
});

export const AgencyRef = builder.loadableNode('Agency', {
  description: 'A public body of a state responsible for follow-up actions.',
  id: { resolve: (g: AgencyRecord) => g.id },
  load: (ids: string[], ctx) => service.findAgenciesByIds(ctx, ids),
  sort: (g: AgencyRecord) => g.id,
  fields: (t) => ({
    state: t.field({ type: StateRef, resolve: (g) => g.state }),
    name: t.exposeString('name'),
    kind: t.exposeString('kind', { nullable: true, description: 'e.g. ministry, agency, court.' }),
    contact: t.string({
      nullable: true,
      description: "Internal: null unless the viewer may read the state's internal follow-up.",
      resolve: (g, _args, ctx) => (service.canSeeContact(ctx.viewer, g) ? g.contact : null),
    }),
  }),
});

export const FollowUpActionRef = builder.loadableNode('FollowUpAction', {
  description:
    "What a state does to implement recommendations: one action often answers several, from several mechanisms. Title, status, dates, recommendations and agencies are public; progress updates and indicators are internal to the state's committee, analysts, reviewers and admins.",
  id: { resolve: (a: ActionRecord) => a.id },
  load: (ids: string[], ctx) => service.findActionsByIds(ctx, ids),
  sort: (a: ActionRecord) => a.id,
  fields: (t) => ({
    state: t.field({ type: StateRef, resolve: (a) => a.state }),
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true }),
    status: t.field({ type: ActionStatusEnum, resolve: (a) => a.status as service.ActionStatus }),
    startDate: t.field({ type: 'Date', nullable: true, resolve: (a) => a.startDate }),
    dueDate: t.field({ type: 'Date', nullable: true, resolve: (a) => a.dueDate }),
    completedDate: t.field({ type: 'Date', nullable: true, resolve: (a) => a.completedDate }),
    overdue: t.boolean({
      description: 'Past its due date and neither completed nor cancelled.',
      resolve: (a) =>
        a.dueDate !== null &&
        a.dueDate < service.todayUtc() &&
        a.status !== 'COMPLETED' &&
        a.status !== 'CANCELLED',
    }),
    version: t.exposeInt('version', {
      description: 'Goes up by one with each change; pass it as expectedVersion to update.',
    }),
    createdAt: t.exposeString('createdAt'),
    updatedAt: t.exposeString('updatedAt'),
    recommendations: t.field({
      type: [RecommendationRef],
      resolve: (a) => [...a.recommendationIds],
    }),
    agencies: t.field({ type: [AgencyRef], resolve: (a) => [...a.agencyIds] }),
    progressUpdates: t.loadableList({
      type: ProgressUpdateRef,
      nullable: true,
      description: 'Newest first. Internal: null for viewers who may not read them.',
      load: (actions: ActionRecord[], ctx) => service.progressUpdatesOf(ctx, actions),
      resolve: (a) => a,
    }),
    indicators: t.loadableList({
      type: IndicatorRef,
      nullable: true,
      description: 'Internal: null for viewers who may not read them.',
      load: (actions: ActionRecord[], ctx) => service.indicatorsOf(ctx, actions),
      resolve: (a) => a,
    }),
    viewerCanEdit: t.boolean({
      description: 'Whether the caller may change this action.',
      resolve: (a, _args, ctx) => service.canEdit(ctx.viewer, a.state),
    }),
  }),
});

builder.objectFields(ProgressUpdateRef, (t) => ({
  action: t.field({ type: FollowUpActionRef, resolve: (p) => p.actionId }),
}));

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

const StatusCountRef = builder
  .objectRef<{ status: string; count: number }>('ActionStatusCount')
  .implement({
    fields: (t) => ({
      status: t.field({ type: ActionStatusEnum, resolve: (b) => b.status as service.ActionStatus }),
      count: t.exposeInt('count'),
    }),
  });

const FollowUpSummaryRef = builder.objectRef<service.FollowUpSummary>('FollowUpSummary').implement({
  description: "A state's follow-up in figures.",
  fields: (t) => ({
    actions: t.exposeInt('actions'),
    byStatus: t.field({ type: [StatusCountRef], resolve: (s) => s.byStatus }),
    overdue: t.exposeInt('overdue', {
      description: 'Actions past due, not completed or cancelled.',
    }),
    recommendations: t.exposeInt('recommendations'),
    recommendationsWithAction: t.exposeInt('recommendationsWithAction'),
    coverage: t.exposeFloat('coverage', {
      description: "Share (0-1) of the state's recommendations with at least one action.",
    }),
  }),
});

builder.objectFields(RecommendationRef, (t) => ({
  actions: t.loadableList({
    type: FollowUpActionRef,
    description: 'The follow-up actions addressing this recommendation, soonest due first.',
    load: (ids: string[], ctx) => service.actionIdsOf(ctx, ids),
    resolve: (r) => r.id,
  }),
  assessments: t.loadableList({
    type: AssessmentRef,
    description: 'Assessments of its implementation, latest first.',
    load: (ids: string[], ctx) => service.assessmentsOf(ctx, ids),
    resolve: (r) => r.id,
  }),
  deadlines: t.loadableList({
    type: DeadlineRef,
    description: "Every deadline its mechanism's rules give it, soonest first.",
    load: (ids: string[], ctx) => service.deadlinesOfRecommendations(ctx, ids),
    resolve: (r) => r.id,
  }),
  nextDeadline: t.loadable({
    type: DeadlineRef,
    nullable: true,
    description: 'The first deadline due today or later; null when none applies or all passed.',
    load: (ids: string[], ctx) => service.nextDeadlinesOf(ctx, ids),
    resolve: (r) => r.id,
  }),
}));

builder.objectFields(StateRef, (t) => ({
  followUp: t.field({
    type: FollowUpSummaryRef,
    resolve: (state, _args, ctx) => service.followUpSummary(ctx, state.iso3),
  }),
  agencies: t.field({
    type: [AgencyRef],
    description: 'The agencies of this state responsible for follow-up, by name.',
    resolve: (state, _args, ctx) => service.stateAgencies(ctx, state.iso3),
  }),
}));

const ActionFilterInput = builder.inputType('FollowUpActionFilter', {
  fields: (t) => ({
    states: t.stringList({ required: false, description: 'ISO3 codes.' }),
    statuses: t.field({ type: [ActionStatusEnum], required: false }),
    overdue: t.boolean({ required: false }),
    recommendationId: t.id({ required: false }),
    agencyId: t.id({ required: false }),
  }),
});

const ProgressPeriodRef = builder
  .objectRef<Awaited<ReturnType<typeof service.progressOverTime>>[number]>('FollowUpPeriod')
  .implement({
    description: "What happened in a state's follow-up in one year or month.",
    fields: (t) => ({
      period: t.exposeString('period', { description: '"2025" or "2025-03".' }),
      started: t.exposeInt('started', { description: 'Actions whose start date falls in it.' }),
      due: t.exposeInt('due', { description: 'Actions due in it.' }),
      completed: t.exposeInt('completed', { description: 'Actions completed in it.' }),
      progressUpdates: t.exposeInt('progressUpdates', {
        nullable: true,
        description:
          'Progress updates dated in it; internal: null for viewers who may not read them.',
      }),
    }),
  });

const FollowUpIntervalEnum = builder.enumType('FollowUpInterval', {
  values: ['YEAR', 'MONTH'] as const,
});

const FollowUpReportRef = builder
  .objectRef<{ filename: string; contentType: string; body: string | Buffer }>('FollowUpReport')
  .implement({
    description: "A state's follow-up report, as `recgraph export followup` writes it.",
    fields: (t) => ({
      filename: t.exposeString('filename'),
      contentType: t.exposeString('contentType'),
      encoding: t.string({
        description: '"utf-8" for CSV and Markdown, "base64" for XLSX.',
        resolve: (r) => (typeof r.body === 'string' ? 'utf-8' : 'base64'),
      }),
      content: t.string({
        resolve: (r) => (typeof r.body === 'string' ? r.body : r.body.toString('base64')),
      }),
    }),
  });

builder.queryFields((t) => ({
  actions: t.connection(
    {
      type: FollowUpActionRef,
      description: 'Follow-up actions, soonest due first (without a due date last).',
      args: { filter: t.arg({ type: ActionFilterInput, required: false }) },
      resolve: (_root, { filter, ...page }, ctx) => service.listActions(ctx, { filter, ...page }),
    },
    { name: 'FollowUpActionConnection' },
    { name: 'FollowUpActionEdge' },
  ),
  followUpProgress: t.field({
    type: [ProgressPeriodRef],
    description: "A state's follow-up over time, oldest period first (for dashboards).",
    args: {
      state: t.arg.string({ required: true, validate: Iso3 }),
      interval: t.arg({
        type: FollowUpIntervalEnum,
        required: false,
        description: 'Default YEAR.',
      }),
    },
    resolve: (_root, { state, interval }, ctx) =>
      service.progressOverTime(ctx, state, interval ?? 'YEAR'),
  }),
  overdueActions: t.field({
    type: [FollowUpActionRef],
    description: "A state's actions past their due date, neither completed nor cancelled.",
    args: { state: t.arg.string({ required: true, validate: Iso3 }) },
    resolve: (_root, { state }, ctx) => service.overdueActions(ctx, state.toUpperCase()),
  }),
  followUpReport: t.field({
    type: FollowUpReportRef,
    description:
      "The committee's document: the state's recommendations grouped by overlap cluster, with actions, agencies, status, deadlines and (for viewers who may read them) the latest progress notes.",
    args: {
      state: t.arg.string({ required: true, validate: Iso3 }),
      format: t.arg({ type: ReportFormatEnum, required: true }),
    },
    resolve: (_root, { state, format }, ctx) => followUpReport(ctx, state.toUpperCase(), format),
  }),
}));

// --- mutations -------------------------------------------------------------------------------------

const CreateActionInput = builder.inputType('CreateFollowUpActionInput', {
  fields: (t) => ({
    state: t.string({ required: true, description: 'ISO3 code of the state acting.' }),
    title: t.string({ required: true }),
    description: t.string({ required: false }),
    status: t.field({ type: ActionStatusEnum, required: false, description: 'Default PLANNED.' }),
    startDate: t.field({ type: 'Date', required: false }),
    dueDate: t.field({ type: 'Date', required: false }),
    recommendationIds: t.idList({
      required: false,
      description: 'Recommendations to the same state (stable or global ids).',
    }),
    overlapClusterIds: t.idList({
      required: false,
      description: 'Overlap clusters of the same state: the action addresses all their members.',
    }),
    agencyIds: t.idList({ required: false, description: 'Agencies of the same state.' }),
  }),
});

const UpdateActionInput = builder.inputType('UpdateFollowUpActionInput', {
  description: 'Fields left out stay as they are; null clears an optional one.',
  fields: (t) => ({
    id: t.id({ required: true }),
    expectedVersion: t.int({
      required: true,
      description: 'The version the change is based on; a newer stored one is a conflict.',
    }),
    title: t.string({ required: false }),
    description: t.string({ required: false }),
    status: t.field({ type: ActionStatusEnum, required: false }),
    startDate: t.field({ type: 'Date', required: false }),
    dueDate: t.field({ type: 'Date', required: false }),
    completedDate: t.field({ type: 'Date', required: false }),
    recommendationIds: t.idList({ required: false, description: 'Replaces the set.' }),
    agencyIds: t.idList({ required: false, description: 'Replaces the set.' }),
  }),
});

const ProgressInput = builder.inputType('AddProgressUpdateInput', {
  fields: (t) => ({
    actionId: t.id({ required: true }),
    date: t.field({ type: 'Date', required: false, description: 'Default today.' }),
    status: t.field({
      type: ActionStatusEnum,
      required: false,
      description: 'The status the action now has, if it changed.',
    }),
    note: t.string({ required: true }),
    evidenceUrl: t.string({ required: false }),
  }),
});

const CreateAgencyInput = builder.inputType('CreateAgencyInput', {
  fields: (t) => ({
    state: t.string({ required: true }),
    name: t.string({ required: true, description: 'Unique within the state.' }),
    kind: t.string({ required: false }),
    contact: t.string({ required: false }),
  }),
});

const UpdateAgencyInput = builder.inputType('UpdateAgencyInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string({ required: false }),
    kind: t.string({ required: false }),
    contact: t.string({ required: false }),
  }),
});

const CreateIndicatorInput = builder.inputType('CreateIndicatorInput', {
  fields: (t) => ({
    actionId: t.id({ required: true }),
    name: t.string({ required: true }),
    baseline: t.float({ required: false }),
    target: t.float({ required: false }),
    unit: t.string({ required: false }),
  }),
});

const RecordIndicatorValueInput = builder.inputType('RecordIndicatorValueInput', {
  fields: (t) => ({
    indicatorId: t.id({ required: true }),
    date: t.field({ type: 'Date', required: true }),
    value: t.float({ required: true }),
    note: t.string({ required: false }),
  }),
});

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

const WRITE_ERRORS = [ForbiddenError, NotFoundError, InvalidInputError];

builder.mutationFields((t) => ({
  createFollowUpAction: t.field({
    type: FollowUpActionRef,
    description: "Plan an action for one's own state (COMMITTEE of that state, or ADMIN).",
    errors: {
      types: WRITE_ERRORS,
      directResult: true,
      union: { name: 'CreateFollowUpActionResult' },
    },
    args: { input: t.arg({ type: CreateActionInput, required: true }) },
    resolve: (_root, { input }, ctx) => service.createAction(ctx, input),
  }),
  updateFollowUpAction: t.field({
    type: FollowUpActionRef,
    errors: {
      types: [...WRITE_ERRORS, VersionConflictError],
      directResult: true,
      union: { name: 'UpdateFollowUpActionResult' },
    },
    args: { input: t.arg({ type: UpdateActionInput, required: true }) },
    resolve: (_root, { input }, ctx) => service.updateAction(ctx, input),
  }),
  deleteFollowUpAction: t.field({
    type: FollowUpActionRef,
    description: 'Delete an action with its progress updates and indicators; returns it as it was.',
    errors: {
      types: [...WRITE_ERRORS, VersionConflictError],
      directResult: true,
      union: { name: 'DeleteFollowUpActionResult' },
    },
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: false }),
    },
    resolve: (_root, args, ctx) =>
      service.deleteAction(ctx, { id: String(args.id), expectedVersion: args.expectedVersion }),
  }),
  addProgressUpdate: t.field({
    type: ProgressUpdateRef,
    errors: { types: WRITE_ERRORS, directResult: true, union: { name: 'AddProgressUpdateResult' } },
    args: { input: t.arg({ type: ProgressInput, required: true }) },
    resolve: (_root, { input }, ctx) => service.addProgressUpdate(ctx, input),
  }),
  createAgency: t.field({
    type: AgencyRef,
    errors: {
      types: [...WRITE_ERRORS, DuplicateConflictError],
      directResult: true,
      union: { name: 'CreateAgencyResult' },
    },
    args: { input: t.arg({ type: CreateAgencyInput, required: true }) },
    resolve: (_root, { input }, ctx) => service.createAgency(ctx, input),
  }),
  updateAgency: t.field({
    type: AgencyRef,
    errors: {
      types: [...WRITE_ERRORS, DuplicateConflictError],
      directResult: true,
      union: { name: 'UpdateAgencyResult' },
    },
    args: { input: t.arg({ type: UpdateAgencyInput, required: true }) },
    resolve: (_root, { input }, ctx) => service.updateAgency(ctx, input),
  }),
  deleteAgency: t.field({
    type: AgencyRef,
    description: 'Delete an agency (its actions stay, without it); returns it as it was.',
    errors: { types: WRITE_ERRORS, directResult: true, union: { name: 'DeleteAgencyResult' } },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => service.deleteAgency(ctx, { id: String(id) }),
  }),
  createIndicator: t.field({
    type: IndicatorRef,
    errors: { types: WRITE_ERRORS, directResult: true, union: { name: 'CreateIndicatorResult' } },
    args: { input: t.arg({ type: CreateIndicatorInput, required: true }) },
    resolve: (_root, { input }, ctx) => service.createIndicator(ctx, input),
  }),
  recordIndicatorValue: t.field({
    type: IndicatorRef,
    errors: {
      types: WRITE_ERRORS,
      directResult: true,
      union: { name: 'RecordIndicatorValueResult' },
    },
    args: { input: t.arg({ type: RecordIndicatorValueInput, required: true }) },
    resolve: (_root, { input }, ctx) => service.recordMeasurement(ctx, input),
  }),
  deleteIndicator: t.field({
    type: IndicatorRef,
    errors: { types: WRITE_ERRORS, directResult: true, union: { name: 'DeleteIndicatorResult' } },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => service.deleteIndicator(ctx, { id: String(id) }),
  }),
  recordAssessment: t.field({
    type: AssessmentRef,
    description:
      "Record an assessment: REVIEWER for mechanisms', NHRIs' and civil society's; a state's COMMITTEE for its own (assessorKind STATE); ADMIN any.",
    errors: { types: WRITE_ERRORS, directResult: true, union: { name: 'RecordAssessmentResult' } },
    args: { input: t.arg({ type: RecordAssessmentInput, required: true }) },
    resolve: (_root, { input }, ctx) => service.recordAssessment(ctx, input),
  }),
}));
