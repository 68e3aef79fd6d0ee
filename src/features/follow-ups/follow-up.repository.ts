/**
 * Follow-up in the graph:
 *   (:FollowUpAction)-[:ADDRESSES]->(:Recommendation)
 *   (:Agency)-[:RESPONSIBLE_FOR]->(:FollowUpAction)
 *   (:FollowUpAction)-[:HAS_PROGRESS]->(:ProgressUpdate)
 *   (:FollowUpAction)-[:MEASURED_BY]->(:Indicator)-[:HAS_MEASUREMENT]->(:Measurement)
 *   (:Assessment)-[:ASSESSES]->(:Recommendation)
 * Writes take a transaction (`Tx`) from the service, which also writes the audit entry in it.
 */
import type { DbContext } from '../../graphql/context.ts';
import { cypher } from '../../db/cypher.ts';
import type { Tx } from '../../db/run.ts';
import type { PageRequest } from '../../core/pagination.ts';

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

export interface AgencyRecord {
  readonly id: string;
  readonly state: string;
  readonly name: string;
  readonly kind: string | null;
  readonly contact: string | null;
}

export interface ProgressRecord {
  readonly id: string;
  readonly date: string;
  readonly status: string | null;
  readonly note: string;
  readonly evidenceUrl: string | null;
  readonly author: string;
  readonly createdAt: string;
}

export interface MeasurementRecord {
  readonly id: string;
  readonly date: string;
  readonly value: number;
  readonly note: string | null;
}

export interface IndicatorRecord {
  readonly id: string;
  readonly name: string;
  readonly baseline: number | null;
  readonly target: number | null;
  readonly unit: string | null;
  readonly measurements: readonly MeasurementRecord[];
}

export interface AssessmentRecord {
  readonly id: string;
  readonly recommendationId: string;
  readonly state: string;
  readonly assessorKind: string;
  readonly assessor: string;
  readonly scale: string;
  readonly grade: string;
  readonly commonGrade: string;
  readonly date: string;
  readonly sourceDocument: string | null;
  readonly note: string | null;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

/** The fields of an action as written (links included). */
export interface ActionFields {
  readonly id: string;
  readonly state: string;
  readonly title: string;
  readonly description: string | null;
  readonly status: string;
  readonly startDate: string | null;
  readonly dueDate: string | null;
  readonly completedDate: string | null;
  readonly recommendationIds: readonly string[];
  readonly agencyIds: readonly string[];
}

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

export async function findAgenciesByIds({ db }: DbContext, ids: readonly string[]) {
  const rows = await db.read<{ agency: AgencyRecord }>(cypher('follow-ups/find-agencies-by-ids'), {
    ids,
  });
  return rows.map((row) => row.agency);
}

export async function findStateAgencies({ db }: DbContext, state: string) {
  const rows = await db.read<{ agency: AgencyRecord }>(cypher('follow-ups/find-state-agencies'), {
    state,
  });
  return rows.map((row) => row.agency);
}

export function findProgressUpdates({ db }: DbContext, actionIds: readonly string[]) {
  return db.read<{ actionId: string; update: ProgressRecord }>(
    cypher('follow-ups/find-progress-updates'),
    { actionIds },
  );
}

export function findIndicators({ db }: DbContext, actionIds: readonly string[]) {
  return db.read<{ actionId: string; indicator: IndicatorRecord }>(
    cypher('follow-ups/find-indicators'),
    { actionIds },
  );
}

export function findAssessments({ db }: DbContext, ids: readonly string[]) {
  return db.read<{ id: string; assessment: AssessmentRecord }>(
    cypher('follow-ups/find-assessments'),
    { ids },
  );
}

export function findRecommendationActions({ db }: DbContext, ids: readonly string[]) {
  return db.read<{ id: string; actionId: string }>(
    cypher('follow-ups/find-recommendation-actions'),
    { ids },
  );
}

export function findRecommendationBasis({ db }: DbContext, ids: readonly string[]) {
  return db.read<{
    id: string;
    mechanism: string;
    state: string;
    date: string | null;
    year: number | null;
  }>(cypher('follow-ups/find-recommendation-basis'), { ids });
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

export interface StateSummaryRow {
  readonly byStatus: { status: string; count: number }[];
  readonly overdue: number;
  readonly recommendations: number;
  readonly addressed: number;
}

export async function stateSummary(
  { db }: DbContext,
  state: string,
  today: string,
): Promise<StateSummaryRow | null> {
  const [row] = await db.read<StateSummaryRow & Record<string, unknown>>(
    cypher('follow-ups/state-summary'),
    { state, today },
  );
  return row ?? null;
}

export interface ReportRow {
  readonly recommendation: {
    id: string;
    text: string;
    mechanism: string;
    year: number | null;
    cycle: number | null;
    session: number | null;
    response: string | null;
    documentSymbol: string | null;
    paragraph: string | null;
    date: string | null;
  };
  readonly cluster: {
    id: string;
    size: number;
    mechanisms: string[];
    mechanismCount: number;
    firstYear: number | null;
    lastYear: number | null;
  } | null;
  readonly actions: {
    id: string;
    title: string;
    status: string;
    dueDate: string | null;
    completedDate: string | null;
    agencies: string[];
    latest: { date: string; status: string | null; note: string; author: string } | null;
  }[];
}

export function findReportRows({ db }: DbContext, state: string) {
  return db.read<ReportRow & Record<string, unknown>>(cypher('follow-ups/find-report-rows'), {
    state,
  });
}

export interface ProgressPeriod {
  readonly period: string;
  readonly started: number;
  readonly due: number;
  readonly completed: number;
  readonly progressUpdates: number;
}

/** Per year (`length` 4) or month (7): actions started, due, completed; progress updates. */
export function findProgressOverTime({ db }: DbContext, state: string, length: 4 | 7) {
  return db.read<ProgressPeriod & Record<string, unknown>>(
    cypher('follow-ups/find-progress-over-time'),
    { state, length },
  );
}

// --- inside a write transaction ---------------------------------------------------------------

/** Whether the state has any follow-up action stored (read under the state's lock). */
export async function stateHasActions(tx: Tx, state: string): Promise<boolean> {
  const [row] = await tx.run<{ tracked: boolean }>(cypher('follow-ups/state-has-actions'), {
    state,
  });
  return row?.tracked ?? false;
}

/** Whether the state is in the reference data, read inside a transaction or on its own. */
export async function stateExists(on: Tx | DbContext, state: string): Promise<boolean> {
  const statement = cypher('follow-ups/state-exists');
  const [row] =
    'db' in on
      ? await on.db.read<{ known: boolean }>(statement, { state })
      : await on.run<{ known: boolean }>(statement, { state });
  return row?.known ?? false;
}

/** Locks the action and reads it; null when there is no such action. */
export async function lockAction(tx: Tx, id: string): Promise<ActionRecord | null> {
  const [row] = await tx.run<{ action: ActionRecord }>(cypher('follow-ups/lock-action'), { id });
  return row?.action ?? null;
}

export async function lockAgency(tx: Tx, id: string): Promise<AgencyRecord | null> {
  const [row] = await tx.run<{ agency: AgencyRecord }>(cypher('follow-ups/lock-agency'), { id });
  return row?.agency ?? null;
}

export async function lockIndicator(
  tx: Tx,
  id: string,
): Promise<{ actionId: string; state: string; indicator: IndicatorRecord } | null> {
  const [row] = await tx.run<{ actionId: string; state: string; indicator: IndicatorRecord }>(
    cypher('follow-ups/lock-indicator'),
    { id },
  );
  return row ?? null;
}

/** The addressed state of each recommendation id (null for an unknown id). */
export async function recommendationStates(
  tx: Tx,
  ids: readonly string[],
): Promise<Map<string, string | null>> {
  const rows = await tx.run<{ id: string; state: string | null }>(
    cypher('follow-ups/find-recommendation-states'),
    { ids },
  );
  return new Map(rows.map((row) => [row.id, row.state]));
}

export async function agencyStates(
  tx: Tx,
  ids: readonly string[],
): Promise<Map<string, string | null>> {
  const rows = await tx.run<{ agency: AgencyRecord }>(cypher('follow-ups/find-agencies-by-ids'), {
    ids,
  });
  const found = new Map(rows.map((row) => [row.agency.id, row.agency.state]));
  return new Map(ids.map((id) => [id, found.get(id) ?? null]));
}

/** The state and members of each overlap cluster id (members empty for an unknown id). */
export function clusterMembers(tx: Tx, ids: readonly string[]) {
  return tx.run<{ id: string; state: string | null; members: string[] }>(
    cypher('follow-ups/find-cluster-members'),
    { ids },
  );
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

export async function createProgressUpdate(
  tx: Tx,
  update: {
    id: string;
    actionId: string;
    date: string;
    status: string | null;
    note: string;
    evidenceUrl: string | null;
    author: string;
  },
): Promise<ProgressRecord> {
  const [row] = await tx.run<{ update: ProgressRecord }>(
    cypher('follow-ups/create-progress-update'),
    update,
  );
  return row!.update;
}

/** Runs an agency's create or update statement; both return the agency as stored. */
async function writeAgency(
  tx: Tx,
  statement: string,
  agency: AgencyRecord & { nameKey: string },
): Promise<AgencyRecord> {
  const [row] = await tx.run<{ agency: AgencyRecord }>(statement, { ...agency });
  return row!.agency;
}

export const createAgency = (tx: Tx, agency: AgencyRecord & { nameKey: string }) =>
  writeAgency(tx, cypher('follow-ups/create-agency'), agency);

export const updateAgency = (tx: Tx, agency: AgencyRecord & { nameKey: string }) =>
  writeAgency(tx, cypher('follow-ups/update-agency'), agency);

export async function deleteAgency(tx: Tx, id: string): Promise<void> {
  await tx.run(cypher('follow-ups/delete-agency'), { id });
}

export async function createIndicator(
  tx: Tx,
  indicator: Omit<IndicatorRecord, 'measurements'> & { actionId: string },
): Promise<IndicatorRecord> {
  const [row] = await tx.run<{ indicator: IndicatorRecord }>(
    cypher('follow-ups/create-indicator'),
    { ...indicator },
  );
  return row!.indicator;
}

export async function createMeasurement(
  tx: Tx,
  measurement: MeasurementRecord & { indicatorId: string },
): Promise<MeasurementRecord> {
  const [row] = await tx.run<{ measurement: MeasurementRecord }>(
    cypher('follow-ups/create-measurement'),
    { ...measurement },
  );
  return row!.measurement;
}

export async function deleteIndicator(tx: Tx, id: string): Promise<void> {
  await tx.run(cypher('follow-ups/delete-indicator'), { id });
}

export async function createAssessment(
  tx: Tx,
  assessment: Omit<AssessmentRecord, 'state' | 'recordedAt'>,
): Promise<AssessmentRecord> {
  const [row] = await tx.run<{ assessment: AssessmentRecord }>(
    cypher('follow-ups/create-assessment'),
    { ...assessment },
  );
  return row!.assessment;
}
