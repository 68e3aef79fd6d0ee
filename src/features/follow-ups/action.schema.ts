import { VersionConflictError } from '../../core/errors.ts';
import { builder } from '../../graphql/builder.ts';
import { RecommendationRef } from '../recommendations/index.ts';
import { StateRef, iso3Arg } from '../states/index.ts';
import type { ActionRecord } from './action.repository.ts';
import * as service from './action.service.ts';
import { AgencyRef } from './agency.schema.ts';
import { todayUtc } from './deadlines.ts';
import { WRITE_ERRORS } from './follow-up-checks.ts';

const Iso3 = iso3Arg('state');

export const ActionStatusEnum = builder.enumType('ActionStatus', {
  values: service.ACTION_STATUSES,
});

/** Its internal fields are added where their types live: progress.schema.ts, indicator.schema.ts. */
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
        a.dueDate < todayUtc() &&
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
    viewerCanEdit: t.boolean({
      description: 'Whether the caller may change this action.',
      resolve: (a, _args, ctx) => service.canEdit(ctx.viewer, a.state),
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
  overdueActions: t.field({
    type: [FollowUpActionRef],
    description: "A state's actions past their due date, neither completed nor cancelled.",
    args: { state: t.arg.string({ required: true, validate: Iso3 }) },
    resolve: (_root, { state }, ctx) => service.overdueActions(ctx, state.toUpperCase()),
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
}));
