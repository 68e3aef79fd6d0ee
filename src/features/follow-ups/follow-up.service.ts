/**
 * Follow-up rules: who may change what, input validation, versions, and one audit entry per
 * successful change, written in the change's transaction.
 *
 * Authorization is decided here, object by object, on the object as stored (read under its write
 * lock inside the transaction):
 * - writing needs COMMITTEE or ADMIN (`editFollowUp`), and a committee writes only its own states;
 * - an object of another state is reported exactly like a missing one (NotFoundError for the
 *   object acted on; InvalidInputError for an id to link), so its existence does not leak;
 * - the non-public parts (progress updates, indicators, agency contacts, audit entries) are read
 *   by the state's committee, analysts, reviewers and admins only (`canSeeInternal`).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  canEditState,
  canSeeInternal,
  hasPermission,
  requirePermission,
  type Viewer,
} from '../../auth/viewer.ts';
import type { Context, DbContext } from '../../graphql/context.ts';
import type { Tx } from '../../db/run.ts';
import { storedId } from '../../core/global-id.ts';
import {
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  VersionConflictError,
} from '../../core/errors.ts';
import {
  pageRequest,
  toConnection,
  type Connection,
  type PageArgs,
} from '../../core/pagination.ts';
import { recordAudit } from '../audit/index.ts';
import {
  lockStates,
  refreshClusterSignals,
  cachedAggregate,
  bumpDataVersion,
} from '../analytics-store/index.ts';
import { COMMON_GRADES, SCALES, commonGradeOf } from './assessment-scales.ts';
import { deadlinesOf, nextDeadline, todayUtc, type Deadline } from './deadlines.ts';
import * as repository from './follow-up.repository.ts';

type WriteContext = Pick<Context, 'db' | 'viewer'>;

export const ACTION_STATUSES = [
  'PLANNED',
  'IN_PROGRESS',
  'COMPLETED',
  'BLOCKED',
  'CANCELLED',
] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ASSESSOR_KINDS = ['MECHANISM', 'STATE', 'NHRI', 'CIVIL_SOCIETY'] as const;

// --- validation --------------------------------------------------------------------------------

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, 'expected a date YYYY-MM-DD')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(d).toISOString().startsWith(d),
    {
      message: 'not a calendar date',
    },
  );
const iso3 = z
  .string()
  .regex(/^[A-Za-z]{3}$/u, 'expected an ISO 3166 alpha-3 code such as SVN')
  .transform((s) => s.toUpperCase());
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : null));
/** Ids as stored, or the global ids the API hands out ("FollowUpAction:…"). */
const idOf = (typename: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(300)
    .transform((s) => storedId(s, typename));
const idList = (typename: string, max: number) =>
  z
    .array(idOf(typename))
    .max(max)
    .transform((ids) => [...new Set(ids)].sort());
const url = z
  .url({ protocol: /^https?$/u, message: 'expected an http(s) URL' })
  .max(2000)
  .nullish()
  .transform((s) => s ?? null);

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
/** What clients may send: GraphQL passes null for an explicit null, which zod then judges. */
type Loose<T> = { [K in keyof T]: T[K] | null };
export type UpdateActionInput = Loose<z.input<typeof UpdateActionSchema>>;

const DeleteActionSchema = z.object({
  id: idOf('FollowUpAction'),
  expectedVersion: z.number().int().min(1).nullish(),
});

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

const AgencySchema = z.object({
  state: iso3,
  name: text(300),
  kind: optionalText(100),
  contact: optionalText(500),
});
export type AgencyInput = z.input<typeof AgencySchema>;

const UpdateAgencySchema = z.object({
  id: idOf('Agency'),
  name: text(300).optional(),
  kind: optionalText(100).optional(),
  contact: optionalText(500).optional(),
});

const IndicatorSchema = z.object({
  actionId: idOf('FollowUpAction'),
  name: text(300),
  baseline: z
    .number()
    .finite()
    .nullish()
    .transform((n) => n ?? null),
  target: z
    .number()
    .finite()
    .nullish()
    .transform((n) => n ?? null),
  unit: optionalText(50),
});
export type IndicatorInput = z.input<typeof IndicatorSchema>;

const MeasurementSchema = z.object({
  indicatorId: idOf('Indicator'),
  date: isoDate,
  value: z.number().finite(),
  note: optionalText(2000),
});

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

/** Parses with zod; the first problem becomes an InvalidInputError naming its field. */
function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.map(String).join('.') || undefined;
  throw new InvalidInputError(field ? `${field}: ${issue.message}` : issue.message, field);
}

const nameKey = (name: string) => name.trim().toLowerCase().replace(/\s+/gu, ' ');

// --- shared checks -------------------------------------------------------------------------------

/** Writers only: anonymous callers, analysts and reviewers get ForbiddenError before any lookup. */
function requireWriter(viewer: Viewer): void {
  requirePermission(viewer, 'editFollowUp');
}

function requireState(viewer: Viewer, state: string): void {
  if (!canEditState(viewer, state)) {
    throw new ForbiddenError(`this token may not change the follow-up of ${state}`);
  }
}

/** @throws NotFoundError when the state is not in the reference data (e.g. a mistyped code) */
export async function requireKnownState(on: Tx | DbContext, state: string): Promise<void> {
  if (!(await repository.stateExists(on, state))) throw new NotFoundError('State', state);
}

/** The action under its lock, or NotFoundError when it is missing or not the viewer's. */
async function ownAction(tx: Tx, viewer: Viewer, id: string): Promise<repository.ActionRecord> {
  const action = await repository.lockAction(tx, id);
  if (!action || !canEditState(viewer, action.state)) {
    throw new NotFoundError('FollowUpAction', id);
  }
  return action;
}

/** Every id must name a recommendation to `state` (unknown and foreign ids are reported alike). */
async function checkRecommendations(tx: Tx, state: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  const states = await repository.recommendationStates(tx, ids);
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
  const states = await repository.agencyStates(tx, ids);
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
  const rows = await repository.clusterMembers(tx, ids);
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

const ACTION = 'FollowUpAction';

/**
 * Taken before the first write of a change the analytics read (lockStates): the change then
 * waits for a detection run on the same state instead of deadlocking with it.
 */
function lockState(tx: Tx, state: string): Promise<void> {
  return lockStates(tx, [state]);
}

/**
 * After a change the analytics read (actions, their status and dates, assessments): the signals
 * of the state's overlap clusters holding one of `recommendationIds` (those the change reaches),
 * or of all its clusters when `tracked` changed (the state's first action or the deletion of its
 * last: NO_ACTION counts only for states with follow-up), and the data version, in the change's
 * transaction.
 */
async function analyticsChanged(
  tx: Tx,
  state: string,
  recommendationIds: readonly string[],
  tracked: 'unchanged' | 'changed' = 'unchanged',
): Promise<void> {
  await refreshClusterSignals(tx, [state], tracked === 'changed' ? null : recommendationIds);
  await bumpDataVersion(tx, 'follow-up');
}

// --- actions ---------------------------------------------------------------------------------------

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

// --- agencies --------------------------------------------------------------------------------------

export async function createAgency(
  ctx: WriteContext,
  input: AgencyInput,
): Promise<repository.AgencyRecord> {
  requireWriter(ctx.viewer);
  const data = parse(AgencySchema, input);
  requireState(ctx.viewer, data.state);
  return ctx.db.transaction(async (tx) => {
    await requireKnownState(tx, data.state);
    const agency = await repository.createAgency(tx, {
      id: randomUUID(),
      state: data.state,
      name: data.name,
      nameKey: nameKey(data.name),
      kind: data.kind,
      contact: data.contact,
    });
    await recordAudit(tx, ctx.viewer, {
      operation: 'CREATE_AGENCY',
      entityType: 'Agency',
      entityId: agency.id,
      state: agency.state,
      before: null,
      after: agency,
    });
    return agency;
  });
}

async function ownAgency(tx: Tx, viewer: Viewer, id: string) {
  const agency = await repository.lockAgency(tx, id);
  if (!agency || !canEditState(viewer, agency.state)) throw new NotFoundError('Agency', id);
  return agency;
}

export async function updateAgency(
  ctx: WriteContext,
  input: Loose<z.input<typeof UpdateAgencySchema>>,
): Promise<repository.AgencyRecord> {
  requireWriter(ctx.viewer);
  const data = parse(UpdateAgencySchema, input);
  return ctx.db.transaction(async (tx) => {
    const before = await ownAgency(tx, ctx.viewer, data.id);
    const name = data.name ?? before.name;
    const after = await repository.updateAgency(tx, {
      ...before,
      name,
      nameKey: nameKey(name),
      kind: data.kind === undefined ? before.kind : data.kind,
      contact: data.contact === undefined ? before.contact : data.contact,
    });
    await recordAudit(tx, ctx.viewer, {
      operation: 'UPDATE_AGENCY',
      entityType: 'Agency',
      entityId: after.id,
      state: after.state,
      before,
      after,
    });
    return after;
  });
}

/** Deletes an agency; its actions stay, without it. @returns the agency as it was */
export async function deleteAgency(
  ctx: WriteContext,
  input: { id: string },
): Promise<repository.AgencyRecord> {
  requireWriter(ctx.viewer);
  const id = parse(idOf('Agency'), input.id);
  return ctx.db.transaction(async (tx) => {
    const before = await ownAgency(tx, ctx.viewer, id);
    await repository.deleteAgency(tx, id);
    await recordAudit(tx, ctx.viewer, {
      operation: 'DELETE_AGENCY',
      entityType: 'Agency',
      entityId: id,
      state: before.state,
      before,
      after: null,
    });
    return before;
  });
}

// --- indicators ------------------------------------------------------------------------------------

export async function createIndicator(
  ctx: WriteContext,
  input: IndicatorInput,
): Promise<repository.IndicatorRecord> {
  requireWriter(ctx.viewer);
  const data = parse(IndicatorSchema, input);
  return ctx.db.transaction(async (tx) => {
    const action = await ownAction(tx, ctx.viewer, data.actionId);
    const indicator = await repository.createIndicator(tx, {
      id: randomUUID(),
      actionId: action.id,
      name: data.name,
      baseline: data.baseline,
      target: data.target,
      unit: data.unit,
    });
    await recordAudit(tx, ctx.viewer, {
      operation: 'CREATE_INDICATOR',
      entityType: 'Indicator',
      entityId: indicator.id,
      parentId: action.id,
      state: action.state,
      before: null,
      after: indicator,
    });
    return indicator;
  });
}

async function ownIndicator(tx: Tx, viewer: Viewer, id: string) {
  const found = await repository.lockIndicator(tx, id);
  if (!found || !canEditState(viewer, found.state)) throw new NotFoundError('Indicator', id);
  return found;
}

/** Records a dated value of an indicator. @returns the indicator with all its measurements */
export async function recordMeasurement(
  ctx: WriteContext,
  input: z.input<typeof MeasurementSchema>,
): Promise<repository.IndicatorRecord> {
  requireWriter(ctx.viewer);
  const data = parse(MeasurementSchema, input);
  return ctx.db.transaction(async (tx) => {
    const before = await ownIndicator(tx, ctx.viewer, data.indicatorId);
    const measurement = await repository.createMeasurement(tx, {
      id: randomUUID(),
      indicatorId: data.indicatorId,
      date: data.date,
      value: data.value,
      note: data.note,
    });
    await recordAudit(tx, ctx.viewer, {
      operation: 'RECORD_MEASUREMENT',
      entityType: 'Indicator',
      entityId: before.indicator.id,
      parentId: before.actionId,
      state: before.state,
      before: null,
      after: measurement,
    });
    const measurements = [...before.indicator.measurements, measurement].sort(
      (a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id),
    );
    return { ...before.indicator, measurements };
  });
}

export async function deleteIndicator(
  ctx: WriteContext,
  input: { id: string },
): Promise<repository.IndicatorRecord> {
  requireWriter(ctx.viewer);
  const id = parse(idOf('Indicator'), input.id);
  return ctx.db.transaction(async (tx) => {
    const before = await ownIndicator(tx, ctx.viewer, id);
    await repository.deleteIndicator(tx, id);
    await recordAudit(tx, ctx.viewer, {
      operation: 'DELETE_INDICATOR',
      entityType: 'Indicator',
      entityId: id,
      parentId: before.actionId,
      state: before.state,
      before: before.indicator,
      after: null,
    });
    return before.indicator;
  });
}

// --- assessments -----------------------------------------------------------------------------------

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
    const states = await repository.recommendationStates(tx, [data.recommendationId]);
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

// --- reads -----------------------------------------------------------------------------------------

export function findActionsByIds(ctx: DbContext, ids: readonly string[]) {
  return repository.findActionsByIds(ctx, ids);
}

export function findAgenciesByIds(ctx: DbContext, ids: readonly string[]) {
  return repository.findAgenciesByIds(ctx, ids);
}

export function stateAgencies(ctx: DbContext, state: string) {
  return repository.findStateAgencies(ctx, state);
}

/** Progress updates of each action, newest first; null where the viewer may not read them. */
export async function progressUpdatesOf(
  ctx: Pick<Context, 'db' | 'viewer'>,
  actions: readonly repository.ActionRecord[],
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

/** Indicators of each action; null where the viewer may not read them. */
export async function indicatorsOf(
  ctx: Pick<Context, 'db' | 'viewer'>,
  actions: readonly repository.ActionRecord[],
): Promise<(repository.IndicatorRecord[] | null)[]> {
  const visible = actions.filter((a) => canSeeInternal(ctx.viewer, a.state)).map((a) => a.id);
  const rows = visible.length ? await repository.findIndicators(ctx, visible) : [];
  return actions.map((a) =>
    canSeeInternal(ctx.viewer, a.state)
      ? rows.filter((row) => row.actionId === a.id).map((row) => row.indicator)
      : null,
  );
}

/** Whether the viewer may read an agency's contact details. */
export const canSeeContact = (viewer: Viewer, agency: repository.AgencyRecord) =>
  canSeeInternal(viewer, agency.state);

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

/** The assessments of each recommendation, latest first, in key order. */
export async function assessmentsOf(ctx: DbContext, recommendationIds: readonly string[]) {
  const rows = await repository.findAssessments(ctx, recommendationIds);
  return recommendationIds.map((id) =>
    rows.filter((row) => row.id === id).map((row) => row.assessment),
  );
}

/** The deadlines of each recommendation (soonest first), in key order. */
export async function deadlinesOfRecommendations(
  ctx: DbContext,
  recommendationIds: readonly string[],
): Promise<Deadline[][]> {
  const rows = await repository.findRecommendationBasis(ctx, recommendationIds);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return recommendationIds.map((id) => {
    const row = byId.get(id);
    return row ? deadlinesOf(row) : [];
  });
}

/** The next deadline of each recommendation (null where none is due today or later), in key order. */
export async function nextDeadlinesOf(
  ctx: DbContext,
  recommendationIds: readonly string[],
): Promise<(Deadline | null)[]> {
  const today = todayUtc();
  const all = await deadlinesOfRecommendations(ctx, recommendationIds);
  return all.map((deadlines) => nextDeadline(deadlines, today));
}

export { todayUtc };

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

export interface FollowUpSummary {
  readonly actions: number;
  readonly byStatus: { status: string; count: number }[];
  readonly overdue: number;
  readonly recommendations: number;
  readonly recommendationsWithAction: number;
  /** Share of the state's recommendations addressed by at least one action (0 when it has none). */
  readonly coverage: number;
}

export async function followUpSummary(ctx: DbContext, state: string): Promise<FollowUpSummary> {
  const row = await repository.stateSummary(ctx, state, todayUtc());
  const byStatus = row?.byStatus ?? [];
  const recommendations = row?.recommendations ?? 0;
  const addressed = row?.addressed ?? 0;
  return {
    actions: byStatus.reduce((sum, b) => sum + b.count, 0),
    byStatus,
    overdue: row?.overdue ?? 0,
    recommendations,
    recommendationsWithAction: addressed,
    coverage: recommendations ? Math.round((addressed / recommendations) * 10_000) / 10_000 : 0,
  };
}

export { COMMON_GRADES, SCALES };

/**
 * A state's follow-up over time, per year or month: actions started, due and completed, and
 * progress updates (counted only for viewers who may read them; null otherwise).
 */
export async function progressOverTime(
  ctx: Pick<Context, 'db' | 'viewer'>,
  state: string,
  interval: 'YEAR' | 'MONTH',
): Promise<
  (Omit<repository.ProgressPeriod, 'progressUpdates'> & { progressUpdates: number | null })[]
> {
  const iso = parse(iso3, state);
  // Cached: dashboards ask for it again and again, and only follow-up changes change it.
  const rows = await cachedAggregate(ctx, {
    key: JSON.stringify(['followUpProgress', iso, interval]),
    parts: ['follow-up'],
    compute: (c) => repository.findProgressOverTime(c, iso, interval === 'YEAR' ? 4 : 7),
  });
  const internal = canSeeInternal(ctx.viewer, iso);
  return rows.map((row) => ({ ...row, progressUpdates: internal ? row.progressUpdates : null }));
}
