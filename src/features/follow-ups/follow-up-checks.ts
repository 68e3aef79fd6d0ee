/**
 * The checks the follow-up writes share: who may write, for which state, on which action, and
 * what every change does in its transaction for the analytics (lock first, refresh after). Each
 * service (action, progress, agency, indicator, assessment) validates its input
 * (follow-up-inputs.ts), checks versions where the object has one, and writes one audit entry per
 * successful change, in the change's transaction.
 *
 * Authorization is decided by the services with these checks, object by object, on the object as
 * stored (read under its write lock inside the transaction):
 * - writing needs COMMITTEE or ADMIN (`editFollowUp`), and a committee writes only its own states;
 * - an object of another state is reported exactly like a missing one (NotFoundError for the
 *   object acted on; InvalidInputError for an id to link), so its existence does not leak;
 * - the non-public parts (progress updates, indicators, agency contacts, audit entries) are read
 *   by the state's committee, analysts, reviewers and admins only (`canSeeInternal`).
 */
import { canEditState, requirePermission, type Viewer } from '../../auth/viewer.ts';
import type { Context, DbContext } from '../../graphql/context.ts';
import type { Tx } from '../../db/run.ts';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../core/errors.ts';
import { lockStates, refreshClusterSignals, bumpDataVersion } from '../analytics-store/index.ts';
import { lockAction, type ActionRecord } from './action.repository.ts';
import { stateExists } from './follow-up.repository.ts';

export type WriteContext = Pick<Context, 'db' | 'viewer'>;

/** The errors any follow-up write may end in; fields add their own (e.g. a version conflict). */
export const WRITE_ERRORS = [ForbiddenError, NotFoundError, InvalidInputError];

/** Writers only: anonymous callers, analysts and reviewers get ForbiddenError before any lookup. */
export function requireWriter(viewer: Viewer): void {
  requirePermission(viewer, 'editFollowUp');
}

export function requireState(viewer: Viewer, state: string): void {
  if (!canEditState(viewer, state)) {
    throw new ForbiddenError(`this token may not change the follow-up of ${state}`);
  }
}

/** @throws NotFoundError when the state is not in the reference data (e.g. a mistyped code) */
export async function requireKnownState(on: Tx | DbContext, state: string): Promise<void> {
  if (!(await stateExists(on, state))) throw new NotFoundError('State', state);
}

/** The action under its lock, or NotFoundError when it is missing or not the viewer's. */
export async function ownAction(tx: Tx, viewer: Viewer, id: string): Promise<ActionRecord> {
  const action = await lockAction(tx, id);
  if (!action || !canEditState(viewer, action.state)) {
    throw new NotFoundError('FollowUpAction', id);
  }
  return action;
}

/**
 * Taken before the first write of a change the analytics read (lockStates): the change then
 * waits for a detection run on the same state instead of deadlocking with it.
 */
export function lockState(tx: Tx, state: string): Promise<void> {
  return lockStates(tx, [state]);
}

/**
 * After a change the analytics read (actions, their status and dates, assessments): the signals
 * of the state's overlap clusters holding one of `recommendationIds` (those the change reaches),
 * or of all its clusters when `tracked` changed (the state's first action or the deletion of its
 * last: NO_ACTION counts only for states with follow-up), and the data version, in the change's
 * transaction.
 */
export async function analyticsChanged(
  tx: Tx,
  state: string,
  recommendationIds: readonly string[],
  tracked: 'unchanged' | 'changed' = 'unchanged',
): Promise<void> {
  await refreshClusterSignals(tx, [state], tracked === 'changed' ? null : recommendationIds);
  await bumpDataVersion(tx, 'follow-up');
}
