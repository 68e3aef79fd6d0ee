/**
 * Follow-up actions: planning, changing (against the version the client read) and deleting them,
 * and the reads that list them. The shared checks are in follow-up-checks.ts.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { canEditState, hasPermission, type Viewer } from '../../auth/viewer.ts';
import type { DbContext } from '../../graphql/context.ts';
import type { Tx } from '../../db/run.ts';
import { InvalidInputError, VersionConflictError } from '../../core/errors.ts';
import {
  pageRequest,
  toConnection,
  type Connection,
  type PageArgs,
} from '../../core/pagination.ts';
import { recordAudit } from '../audit/index.ts';
import { todayUtc } from './deadlines.ts';
import * as repository from './action.repository.ts';
import { agencyStates } from './agency.repository.ts';
import { clusterMembers, recommendationStates } from './follow-up.repository.ts';
import {
  analyticsChanged,
  lockState,
  ownAction,
  requireKnownState,
  requireState,
  requireWriter,
  type WriteContext,
} from './follow-up-checks.ts';
import {
  idList,
  idOf,
  iso3,
  isoDate,
  optionalText,
  parse,
  text,
  type Loose,
} from './follow-up-inputs.ts';

export const ACTION_STATUSES = [
  'PLANNED',
  'IN_PROGRESS',
  'COMPLETED',
  'BLOCKED',
  'CANCELLED',
] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

const CreateActionSchema = z.object({
  state: iso3,
  title: text(300),
  description: optionalText(10_000),
  status: z
    .enum(ACTION_STATUSES)
    .nullish()
    .transform((s) => s ?? 'PLANNED'),
  startDate: isoDate.nullish().transform((s) => s ?? null),
  dueDate: isoDate.nullish().transform((s) => s ?? null),
  recommendationIds: idList('Recommendation', 2000)
    .nullish()
    .transform((l) => l ?? []),
  overlapClusterIds: idList('OverlapCluster', 200)
    .nullish()
    .transform((l) => l ?? []),
  agencyIds: idList('Agency', 50)
    .nullish()
    .transform((l) => l ?? []),
});
export type CreateActionInput = z.input<typeof CreateActionSchema>;

const UpdateActionSchema = z.object({
  id: idOf('FollowUpAction'),
  expectedVersion: z.number().int().min(1),
  title: text(300).optional(),
  description: optionalText(10_000).optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  startDate: isoDate.nullable().optional(),
  dueDate: isoDate.nullable().optional(),
  completedDate: isoDate.nullable().optional(),
  recommendationIds: idList('Recommendation', 2000).optional(),
  agencyIds: idList('Agency', 50).optional(),
});
export type UpdateActionInput = Loose<z.input<typeof UpdateActionSchema>>;

const DeleteActionSchema = z.object({
  id: idOf('FollowUpAction'),
  expectedVersion: z.number().int().min(1).nullish(),
});

const ACTION = 'FollowUpAction';

// --- checks of the links ---------------------------------------------------------------------

/** Every id must name a recommendation to `state` (unknown and foreign ids are reported alike). */
async function checkRecommendations(tx: Tx, state: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  const states = await recommendationStates(tx, ids);
  const bad = ids.find((id) => states.get(id) !== state);
  if (bad !== undefined) {
    throw new InvalidInputError(
      `recommendationIds: ${JSON.stringify(bad)} is not a recommendation to ${state}`,
      'recommendationIds',
    );
  }
}

async function checkAgencies(tx: Tx, state: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  const states = await agencyStates(tx, ids);
  const bad = ids.find((id) => states.get(id) !== state);
  if (bad !== undefined) {
    throw new InvalidInputError(
      `agencyIds: ${JSON.stringify(bad)} is not an agency of ${state}`,
      'agencyIds',
    );
  }
}

/** The members of the given overlap clusters, all of which must be `state`'s. */
async function clusterRecommendations(tx: Tx, state: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await clusterMembers(tx, ids);
  const bad = rows.find((row) => row.state !== state || row.members.length === 0);
  if (bad) {
    throw new InvalidInputError(
      `overlapClusterIds: ${JSON.stringify(bad.id)} is not an overlap cluster of ${state}`,
      'overlapClusterIds',
    );
  }
  return rows.flatMap((row) => row.members);
}

function checkDates(fields: { startDate: string | null; dueDate: string | null }) {
  if (fields.startDate && fields.dueDate && fields.dueDate < fields.startDate) {
    throw new InvalidInputError('dueDate: must not be before startDate', 'dueDate');
  }
}

// --- writes ------------------------------------------------------------------------------------

/** Creates an action of the viewer's state, addressing recommendations (or whole clusters). */
export async function createAction(
  ctx: WriteContext,
  input: CreateActionInput,
): Promise<repository.ActionRecord> {
  requireWriter(ctx.viewer);
  const data = parse(CreateActionSchema, input);
  requireState(ctx.viewer, data.state);
  checkDates(data);
  return ctx.db.transaction(async (tx) => {
    await requireKnownState(tx, data.state);
    await checkRecommendations(tx, data.state, data.recommendationIds);
    const fromClusters = await clusterRecommendations(tx, data.state, data.overlapClusterIds);
    await checkAgencies(tx, data.state, data.agencyIds);
    await lockState(tx, data.state);
    const tracked = await repository.stateHasActions(tx, data.state);
    const action = await repository.createAction(
      tx,
      {
        id: randomUUID(),
        state: data.state,
        title: data.title,
        description: data.description,
        status: data.status,
        startDate: data.startDate,
        dueDate: data.dueDate,
        completedDate: data.status === 'COMPLETED' ? todayUtc() : null,
        recommendationIds: [...new Set([...data.recommendationIds, ...fromClusters])].sort(),
        agencyIds: data.agencyIds,
      },
      ctx.viewer.name ?? 'unknown',
    );
    await recordAudit(tx, ctx.viewer, {
      operation: 'CREATE_FOLLOW_UP_ACTION',
      entityType: ACTION,
      entityId: action.id,
      state: action.state,
      before: null,
      after: action,
    });
    await analyticsChanged(
      tx,
      action.state,
      action.recommendationIds,
      tracked ? 'unchanged' : 'changed',
    );
    return action;
  });
}

/**
 * Changes an action. Fields left out stay as they are; null clears an optional one. The update
 * applies only to `expectedVersion`: a client that read an older version gets
 * VersionConflictError and nothing changes.
 */
export async function updateAction(
  ctx: WriteContext,
  input: UpdateActionInput,
): Promise<repository.ActionRecord> {
  requireWriter(ctx.viewer);
  const data = parse(UpdateActionSchema, input);
  return ctx.db.transaction(async (tx) => {
    const before = await ownAction(tx, ctx.viewer, data.id);
    if (before.version !== data.expectedVersion) {
      throw new VersionConflictError(ACTION, data.id, data.expectedVersion, before.version);
    }
    await lockState(tx, before.state);
    const status = data.status ?? before.status;
    const next: repository.ActionFields = {
      id: before.id,
      state: before.state,
      title: data.title ?? before.title,
      description: data.description === undefined ? before.description : data.description,
      status,
      startDate: data.startDate === undefined ? before.startDate : data.startDate,
      dueDate: data.dueDate === undefined ? before.dueDate : data.dueDate,
      completedDate:
        data.completedDate !== undefined
          ? data.completedDate
          : status === 'COMPLETED'
            ? (before.completedDate ?? todayUtc())
            : null,
      recommendationIds: data.recommendationIds ?? before.recommendationIds,
      agencyIds: data.agencyIds ?? before.agencyIds,
    };
    checkDates(next);
    if (data.recommendationIds)
      await checkRecommendations(tx, before.state, next.recommendationIds);
    if (data.agencyIds) await checkAgencies(tx, before.state, next.agencyIds);
    const after = await repository.updateAction(tx, next);
    await recordAudit(tx, ctx.viewer, {
      operation: 'UPDATE_FOLLOW_UP_ACTION',
      entityType: ACTION,
      entityId: after.id,
      state: after.state,
      before,
      after,
    });
    // The clusters it addressed and those it addresses now.
    await analyticsChanged(tx, after.state, [
      ...new Set([...before.recommendationIds, ...after.recommendationIds]),
    ]);
    return after;
  });
}

/**
 * Deletes an action with its progress updates and indicators; the audit entry keeps all of them.
 * @returns the action as it was
 */
export async function deleteAction(
  ctx: WriteContext,
  input: { id: string; expectedVersion?: number | null | undefined },
): Promise<repository.ActionRecord> {
  requireWriter(ctx.viewer);
  const data = parse(DeleteActionSchema, input);
  return ctx.db.transaction(async (tx) => {
    const before = await ownAction(tx, ctx.viewer, data.id);
    if (data.expectedVersion != null && before.version !== data.expectedVersion) {
      throw new VersionConflictError(ACTION, data.id, data.expectedVersion, before.version);
    }
    await lockState(tx, before.state);
    const children = await repository.actionChildren(tx, before.id);
    await repository.deleteAction(tx, before.id);
    await recordAudit(tx, ctx.viewer, {
      operation: 'DELETE_FOLLOW_UP_ACTION',
      entityType: ACTION,
      entityId: before.id,
      state: before.state,
      before: { ...before, ...children },
      after: null,
    });
    const tracked = await repository.stateHasActions(tx, before.state);
    await analyticsChanged(
      tx,
      before.state,
      before.recommendationIds,
      tracked ? 'unchanged' : 'changed',
    );
    return before;
  });
}

// --- reads -------------------------------------------------------------------------------------

export function findActionsByIds(ctx: DbContext, ids: readonly string[]) {
  return repository.findActionsByIds(ctx, ids);
}

/** Whether the viewer may change a state's follow-up (for clients deciding what to offer). */
export const canEdit = (viewer: Viewer, state: string) =>
  hasPermission(viewer, 'editFollowUp') && canEditState(viewer, state);

/** The ids of the actions addressing each recommendation, in key order. */
export async function actionIdsOf(ctx: DbContext, recommendationIds: readonly string[]) {
  const rows = await repository.findRecommendationActions(ctx, recommendationIds);
  return recommendationIds.map((id) =>
    rows.filter((row) => row.id === id).map((row) => row.actionId),
  );
}

export interface ActionFilterArgs {
  readonly states?: readonly string[] | null | undefined;
  readonly statuses?: readonly ActionStatus[] | null | undefined;
  readonly overdue?: boolean | null | undefined;
  readonly recommendationId?: string | null | undefined;
  readonly agencyId?: string | null | undefined;
}

function actionFilter(filter: ActionFilterArgs | null | undefined): repository.ActionFilter {
  const states = filter?.states?.length ? filter.states.map((s) => parse(iso3, s)) : null;
  return {
    states,
    statuses: filter?.statuses?.length ? [...filter.statuses] : null,
    overdue: filter?.overdue ?? null,
    recommendationId: filter?.recommendationId
      ? parse(idOf('Recommendation'), filter.recommendationId)
      : null,
    agencyId: filter?.agencyId ? parse(idOf('Agency'), filter.agencyId) : null,
    today: todayUtc(),
  };
}

/** Actions matching a filter, soonest due first (actions without a due date last). */
export async function listActions(
  ctx: DbContext,
  args: PageArgs & { filter?: ActionFilterArgs | null | undefined },
): Promise<Connection<string>> {
  const filter = actionFilter(args.filter);
  const page = pageRequest(args);
  const rows = await repository.findActionsPage(ctx, filter, page);
  const keys = new Map(rows.map((row) => [row.id, row.key]));
  return toConnection(
    rows.map((row) => row.id),
    page,
    (id) => keys.get(id)!,
    () => repository.countActions(ctx, filter),
  );
}

/** A state's actions past their due date and neither completed nor cancelled, most overdue first. */
export async function overdueActions(ctx: DbContext, state: string): Promise<string[]> {
  const filter = actionFilter({ states: [state], overdue: true });
  const rows = await repository.findActionsPage(ctx, filter, {
    size: 1000,
    direction: 'forward',
    afterKey: undefined,
    beforeKey: undefined,
  });
  return rows.map((row) => row.id);
}
