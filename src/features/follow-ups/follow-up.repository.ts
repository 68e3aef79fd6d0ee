/**
 * Follow-up in the graph:
 *   (:FollowUpAction)-[:ADDRESSES]->(:Recommendation)
 *   (:Agency)-[:RESPONSIBLE_FOR]->(:FollowUpAction)
 *   (:FollowUpAction)-[:HAS_PROGRESS]->(:ProgressUpdate)
 *   (:FollowUpAction)-[:MEASURED_BY]->(:Indicator)-[:HAS_MEASUREMENT]->(:Measurement)
 *   (:Assessment)-[:ASSESSES]->(:Recommendation)
 * Writes take a transaction (`Tx`) from the service, which also writes the audit entry in it.
 *
 * This module holds what the follow-up's parts share: the lookups of states, recommendations and
 * overlap clusters, and the reads over a whole state (summary, progress over time, report). Each
 * part has its own repository: action, agency, progress, indicator and assessment.
 */
import type { DbContext } from '../../graphql/context.ts';
import { cypher } from '../../db/cypher.ts';
import type { Tx } from '../../db/run.ts';

// --- reads -------------------------------------------------------------------------------------

export function findRecommendationBasis({ db }: DbContext, ids: readonly string[]) {
  return db.read<{
    id: string;
    mechanism: string;
    state: string;
    date: string | null;
    year: number | null;
  }>(cypher('follow-ups/find-recommendation-basis'), { ids });
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

/** Whether the state is in the reference data, read inside a transaction or on its own. */
export async function stateExists(on: Tx | DbContext, state: string): Promise<boolean> {
  const statement = cypher('follow-ups/state-exists');
  const [row] =
    'db' in on
      ? await on.db.read<{ known: boolean }>(statement, { state })
      : await on.run<{ known: boolean }>(statement, { state });
  return row?.known ?? false;
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

/** The state and members of each overlap cluster id (members empty for an unknown id). */
export function clusterMembers(tx: Tx, ids: readonly string[]) {
  return tx.run<{ id: string; state: string | null; members: string[] }>(
    cypher('follow-ups/find-cluster-members'),
    { ids },
  );
}
