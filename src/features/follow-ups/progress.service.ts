/** Progress updates: dated reports on an action, internal to the state's follow-up. */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { canSeeInternal } from '../../auth/viewer.ts';
import type { Context } from '../../graphql/context.ts';
import { recordAudit } from '../audit/index.ts';
import { ACTION_STATUSES } from './action.service.ts';
import type { ActionRecord } from './action.repository.ts';
import { todayUtc } from './deadlines.ts';
import {
  analyticsChanged,
  lockState,
  ownAction,
  requireWriter,
  type WriteContext,
} from './follow-up-checks.ts';
import { idOf, isoDate, parse, text, url } from './follow-up-inputs.ts';
import * as repository from './progress.repository.ts';

const ProgressSchema = z.object({
  actionId: idOf('FollowUpAction'),
  date: isoDate.nullish(),
  status: z
    .enum(ACTION_STATUSES)
    .nullish()
    .transform((s) => s ?? null),
  note: text(5000),
  evidenceUrl: url,
});
export type ProgressInput = z.input<typeof ProgressSchema>;

/** Adds a dated progress update; a status in it becomes the action's status. */
export async function addProgressUpdate(
  ctx: WriteContext,
  input: ProgressInput,
): Promise<repository.ProgressRecord & { actionId: string }> {
  requireWriter(ctx.viewer);
  const data = parse(ProgressSchema, input);
  return ctx.db.transaction(async (tx) => {
    const action = await ownAction(tx, ctx.viewer, data.actionId);
    await lockState(tx, action.state);
    const update = await repository.createProgressUpdate(tx, {
      id: randomUUID(),
      actionId: action.id,
      date: data.date ?? todayUtc(),
      status: data.status,
      note: data.note,
      evidenceUrl: data.evidenceUrl,
      author: ctx.viewer.name ?? 'unknown',
    });
    await recordAudit(tx, ctx.viewer, {
      operation: 'ADD_PROGRESS_UPDATE',
      entityType: 'ProgressUpdate',
      entityId: update.id,
      parentId: action.id,
      state: action.state,
      before: { actionStatus: action.status },
      after: { ...update, actionStatus: data.status ?? action.status },
    });
    await analyticsChanged(tx, action.state, action.recommendationIds);
    return { ...update, actionId: action.id };
  });
}

/** Progress updates of each action, newest first; null where the viewer may not read them. */
export async function progressUpdatesOf(
  ctx: Pick<Context, 'db' | 'viewer'>,
  actions: readonly ActionRecord[],
): Promise<((repository.ProgressRecord & { actionId: string })[] | null)[]> {
  const visible = actions.filter((a) => canSeeInternal(ctx.viewer, a.state)).map((a) => a.id);
  const rows = visible.length ? await repository.findProgressUpdates(ctx, visible) : [];
  return actions.map((a) =>
    canSeeInternal(ctx.viewer, a.state)
      ? rows
          .filter((row) => row.actionId === a.id)
          .map((row) => ({ ...row.update, actionId: a.id }))
      : null,
  );
}
