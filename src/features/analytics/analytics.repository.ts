import type { DbContext } from '../../graphql/context.ts';
import { cypher } from '../../db/cypher.ts';
import type { PageRequest } from '../../core/pagination.ts';
import type { ClusterView } from '../overlaps/index.ts';
import type { ClusterSignals } from '../analytics-store/index.ts';

/** A neglect filter, validated and normalised by the service. */
export interface NeglectQuery {
  readonly regions: readonly string[] | null;
  readonly themes: readonly string[] | null;
  readonly mechanisms: readonly string[] | null;
  /**
   * true: only clusters whose members come from two or more mechanisms (`mechanismCount`, stored
   * by overlap detection); false: only those within one mechanism; null: both.
   */
  readonly spansMechanisms: boolean | null;
  readonly from: number | null;
  readonly to: number | null;
  readonly minMultiSource: number;
  /** One state only (its row of the ranking). */
  readonly state: string | null;
}

export interface StateNeglectRow {
  readonly key: string;
  readonly state: string;
  readonly clusters: number;
  readonly multiSourceClusters: number;
  readonly neglectedClusters: number;
  readonly index: number;
  readonly topThemes: string[];
}

/** A cluster as overlap detection stores it, with its signals. */
export interface ClusterNeglectRow extends ClusterSignals, ClusterView {}

const params = (q: NeglectQuery) => ({
  regions: q.regions,
  themes: q.themes,
  mechanisms: q.mechanisms,
  spansMechanisms: q.spansMechanisms,
  from: q.from,
  to: q.to,
  minMultiSource: q.minMultiSource,
  state: q.state,
});

/** Whether the query filters clusters (else the states' stored figures answer it). */
const filtered = (q: NeglectQuery) =>
  q.regions !== null ||
  q.themes !== null ||
  q.mechanisms !== null ||
  q.spansMechanisms !== null ||
  q.from !== null ||
  q.to !== null ||
  q.state !== null;

/** One page (`size + 1` rows in the page's direction) of states by neglect index. */
export function rankStates({ db }: DbContext, query: NeglectQuery, page: PageRequest) {
  const statement = filtered(query)
    ? cypher('analytics/rank-states')
    : cypher('analytics/rank-states-summary');
  return db.read<StateNeglectRow & Record<string, unknown>>(statement, {
    ...params(query),
    after: page.afterKey ?? null,
    before: page.beforeKey ?? null,
    forward: page.direction === 'forward',
    limit: page.size + 1,
  });
}

export async function countRankedStates({ db }: DbContext, query: NeglectQuery): Promise<number> {
  const [row] = await db.read<{ count: number }>(
    filtered(query)
      ? cypher('analytics/count-ranked-states')
      : cypher('analytics/count-ranked-states-summary'),
    params(query),
  );
  return row?.count ?? 0;
}

/** A state's clusters with their signals, neglected first. */
export async function stateClusterSignals(
  { db }: DbContext,
  state: string,
  query: NeglectQuery,
  options: { neglectedOnly: boolean; limit: number },
): Promise<ClusterNeglectRow[]> {
  const rows = await db.read<{ cluster: ClusterNeglectRow }>(
    cypher('analytics/find-state-clusters-signals'),
    { ...params(query), state, neglectedOnly: options.neglectedOnly, limit: options.limit },
  );
  return rows.map((row) => row.cluster);
}

export interface ThemeRow {
  readonly scheme: string;
  readonly code: string;
  readonly label: string;
}

export async function themesByKeys({ db }: DbContext, keys: readonly string[]) {
  const rows = await db.read<{ key: string; theme: ThemeRow }>(
    cypher('analytics/find-themes-by-keys'),
    { keys },
  );
  return new Map(rows.map((row) => [row.key, row.theme]));
}

/** Clusters with the REPEATED signal, longest-running first. */
export async function longestRepeated(
  { db }: DbContext,
  state: string | null,
  limit: number,
): Promise<ClusterNeglectRow[]> {
  const rows = await db.read<{ cluster: ClusterNeglectRow }>(
    cypher('analytics/find-longest-repeated'),
    { state, limit },
  );
  return rows.map((row) => row.cluster);
}
