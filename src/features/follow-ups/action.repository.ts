import type { DbContext } from '../../graphql/context.ts';
import { cypher } from '../../db/cypher.ts';
import type { Tx } from '../../db/run.ts';
import type { PageRequest } from '../../core/pagination.ts';
import type { IndicatorRecord } from './indicator.repository.ts';
import type { ProgressRecord } from './progress.repository.ts';

export interface ActionRecord {
  readonly id: string;
  readonly state: string;
  readonly title: string;
  readonly description: string | null;
  readonly status: string;
  readonly startDate: string | null;
  readonly dueDate: string | null;
  readonly completedDate: string | null;
  readonly version: number;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly recommendationIds: readonly string[];
  readonly agencyIds: readonly string[];
}

/** The fields of an action as written (links included): all but the bookkeeping the write sets. */
export type ActionFields = Omit<ActionRecord, 'version' | 'createdAt' | 'createdBy' | 'updatedAt'>;

export interface ActionFilter {
  readonly states: readonly string[] | null;
  readonly statuses: readonly string[] | null;
  readonly overdue: boolean | null;
  readonly recommendationId: string | null;
  readonly agencyId: string | null;
  readonly today: string;
}

// --- reads -------------------------------------------------------------------------------------

export async function findActionsByIds({ db }: DbContext, ids: readonly string[]) {
  const rows = await db.read<{ action: ActionRecord }>(cypher('follow-ups/find-actions-by-ids'), {
    ids,
  });
  return rows.map((row) => row.action);
}

export function findRecommendationActions({ db }: DbContext, ids: readonly string[]) {
  return db.read<{ id: string; actionId: string }>(
    cypher('follow-ups/find-recommendation-actions'),
    { ids },
  );
}

const filterParams = (filter: ActionFilter) => ({
  states: filter.states,
  statuses: filter.statuses,
  overdue: filter.overdue,
  recommendationId: filter.recommendationId,
  agencyId: filter.agencyId,
  today: filter.today,
});

/** One page (`size + 1` rows in the page's direction) of action ids with their sort keys. */
export function findActionsPage({ db }: DbContext, filter: ActionFilter, page: PageRequest) {
  return db.read<{ key: string; id: string }>(cypher('follow-ups/find-actions-page'), {
    ...filterParams(filter),
    after: page.afterKey ?? null,
    before: page.beforeKey ?? null,
    forward: page.direction === 'forward',
    limit: page.size + 1,
  });
}

export async function countActions({ db }: DbContext, filter: ActionFilter): Promise<number> {
  const [row] = await db.read<{ count: number }>(
    cypher('follow-ups/count-actions'),
    filterParams(filter),
  );
  return row?.count ?? 0;
}

// --- inside a write transaction ---------------------------------------------------------------

/** Whether the state has any follow-up action stored (read under the state's lock). */
export async function stateHasActions(tx: Tx, state: string): Promise<boolean> {
  const [row] = await tx.run<{ tracked: boolean }>(cypher('follow-ups/state-has-actions'), {
    state,
  });
  return row?.tracked ?? false;
}

/** Locks the action and reads it; null when there is no such action. */
export async function lockAction(tx: Tx, id: string): Promise<ActionRecord | null> {
  const [row] = await tx.run<{ action: ActionRecord }>(cypher('follow-ups/lock-action'), { id });
  return row?.action ?? null;
}

export async function createAction(
  tx: Tx,
  fields: ActionFields,
  actor: string,
): Promise<ActionRecord> {
  await tx.run(cypher('follow-ups/create-action'), { ...fields, actor });
  return (await lockAction(tx, fields.id))!;
}

export async function updateAction(tx: Tx, fields: ActionFields): Promise<ActionRecord> {
  await tx.run(cypher('follow-ups/update-action'), { ...fields });
  return (await lockAction(tx, fields.id))!;
}

export async function deleteAction(tx: Tx, id: string): Promise<void> {
  await tx.run(cypher('follow-ups/delete-action'), { id });
}

/** The progress updates and indicators of one action, for snapshots (inside the transaction). */
export async function actionChildren(tx: Tx, id: string) {
  const updates = await tx.run<{ update: ProgressRecord }>(
    cypher('follow-ups/find-progress-updates'),
    { actionIds: [id] },
  );
  const indicators = await tx.run<{ indicator: IndicatorRecord }>(
    cypher('follow-ups/find-indicators'),
    { actionIds: [id] },
  );
  return {
    progressUpdates: updates.map((row) => row.update),
    indicators: indicators.map((row) => row.indicator),
  };
}
