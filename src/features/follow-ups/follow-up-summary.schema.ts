import { builder } from '../../graphql/builder.ts';
import { StateRef, iso3Arg } from '../states/index.ts';
import { ActionStatusEnum } from './action.schema.ts';
import type { ActionStatus } from './action.service.ts';
import * as service from './follow-up-summary.service.ts';

const Iso3 = iso3Arg('state');

const StatusCountRef = builder
  .objectRef<{ status: string; count: number }>('ActionStatusCount')
  .implement({
    fields: (t) => ({
      status: t.field({ type: ActionStatusEnum, resolve: (b) => b.status as ActionStatus }),
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

builder.objectFields(StateRef, (t) => ({
  followUp: t.field({
    type: FollowUpSummaryRef,
    resolve: (state, _args, ctx) => service.followUpSummary(ctx, state.iso3),
  }),
}));

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

builder.queryFields((t) => ({
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
}));
