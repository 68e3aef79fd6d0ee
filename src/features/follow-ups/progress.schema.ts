import { builder } from '../../graphql/builder.ts';
import { ActionStatusEnum, FollowUpActionRef } from './action.schema.ts';
import type { ActionRecord } from './action.repository.ts';
import type { ActionStatus } from './action.service.ts';
import { WRITE_ERRORS } from './follow-up-checks.ts';
import type { ProgressRecord } from './progress.repository.ts';
import * as service from './progress.service.ts';

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
        resolve: (p) => p.status as ActionStatus | null,
      }),
      note: t.exposeString('note'),
      evidenceUrl: t.exposeString('evidenceUrl', { nullable: true }),
      author: t.exposeString('author'),
      createdAt: t.exposeString('createdAt'),
      action: t.field({ type: FollowUpActionRef, resolve: (p) => p.actionId }),
    }),
  });

builder.objectFields(FollowUpActionRef, (t) => ({
  progressUpdates: t.loadableList({
    type: ProgressUpdateRef,
    nullable: true,
    description: 'Newest first. Internal: null for viewers who may not read them.',
    load: (actions: ActionRecord[], ctx) => service.progressUpdatesOf(ctx, actions),
    resolve: (a) => a,
  }),
}));

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

builder.mutationFields((t) => ({
  addProgressUpdate: t.field({
    type: ProgressUpdateRef,
    errors: { types: WRITE_ERRORS, directResult: true, union: { name: 'AddProgressUpdateResult' } },
    args: { input: t.arg({ type: ProgressInput, required: true }) },
    resolve: (_root, { input }, ctx) => service.addProgressUpdate(ctx, input),
  }),
}));
