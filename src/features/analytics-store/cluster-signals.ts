/**
 * The signals of non-implementation stored on each overlap cluster (docs/analytics.md,
 * "Neglect"), refreshed by whatever changes them, inside the same transaction: detection
 * (clusters rebuilt or grown), an overlap review, follow-up changes and assessments. Analytics
 * reads them; the tests compare them with a fresh computation.
 */
import type { DbContext } from '../../graphql/context.ts';
import { cypher } from '../../db/cypher.ts';
import type { Tx } from '../../db/run.ts';
import { bumpDataVersion, DATA_PARTS } from './data-versions.ts';

export interface ClusterSignals {
  readonly id: string;
  readonly state: string;
  /** Members the state NOTED. */
  readonly noted: string[];
  /** Members whose latest assessment is NOT_IMPLEMENTED, CONTRARY or NO_INFORMATION. */
  readonly assessed: string[];
  /** Members that repeat an earlier recommendation or are repeated by a later one. */
  readonly repeated: string[];
  readonly cycles: number[];
  /** Distinct recommending states across the members. */
  readonly recommenders: number;
  /** The state's M49 region codes at every level (for region filters). */
  readonly regions: string[];
  /** "scheme:code" of the members' themes, most frequent first. */
  readonly themes: string[];
  /** Actions addressing a member, and those of them overdue. */
  readonly actions: string[];
  readonly overdue: string[];
  /**
   * Decisions against the state that found a violation of an article the members concern (or
   * treaty-body views whose outcome is not recorded): docs/jurisprudence.md.
   */
  readonly adverse: string[];
  readonly completed: boolean;
  readonly multiSource: boolean;
  /** NOTED, NOT_IMPLEMENTED, REPEATED, NO_ACTION, OVERDUE, ADVERSE_JURISPRUDENCE. */
  readonly signals: string[];
  readonly neglected: boolean;
}

/** Today in UTC, the day overdue is judged against. */
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Computes the signals of the states' clusters from the graph as it is.
 * @param members only the clusters holding one of these recommendations (by id)
 */
export function computeClusterSignals(
  run: Pick<Tx, 'run'>,
  states: readonly string[],
  members: readonly string[] | null = null,
): Promise<ClusterSignals[]> {
  return run.run<ClusterSignals & Record<string, unknown>>(
    cypher('analytics/compute-cluster-signals'),
    { states, members, today: today() },
  );
}

/**
 * Write-locks the states until the caller's transaction commits. Every transaction that
 * refreshes a state's signals takes it before its first write, as overlap detection does: two
 * transactions on one state then queue here, instead of each locking part of what the other
 * writes next (a link's ends, a cluster, the State's summary) and deadlocking.
 */
export async function lockStates(tx: Pick<Tx, 'run'>, states: readonly string[]): Promise<void> {
  await tx.run(cypher('analytics/lock-states'), { states: [...new Set(states)].sort() });
}

/** Whether any of the recommendations is in an overlap cluster (a cheap check before a refresh). */
export async function anyClustered(tx: Pick<Tx, 'run'>, ids: readonly string[]): Promise<boolean> {
  if (ids.length === 0) return false;
  return (await tx.run(cypher('analytics/find-clustered'), { ids })).length > 0;
}

/**
 * Recomputes and stores the signals of the states' clusters, in the caller's transaction, and
 * the states' summaries.
 * @param members only the clusters holding one of these recommendations (the others unchanged)
 */
export async function refreshClusterSignals(
  tx: Tx,
  states: readonly string[],
  members: readonly string[] | null = null,
): Promise<number> {
  if (states.length === 0) return 0;
  const rows = await computeClusterSignals(tx, states, members);
  // Given members in no cluster, no cluster changed, nor the states' summaries of them.
  if (members !== null && rows.length === 0) return 0;
  if (rows.length) await tx.run(cypher('analytics/write-cluster-signals'), { rows });
  await tx.run(cypher('analytics/write-state-summaries'), { states });
  // What the neglect analysis reads changed. Raised before any other part's version by every
  // caller, so that transactions take the version locks in one order.
  await bumpDataVersion(tx, 'clusters');
  return rows.length;
}

/** The states that have overlap clusters. */
export async function clusterStates(run: Pick<Tx, 'run'>): Promise<string[]> {
  const rows = await run.run<{ state: string }>(cypher('analytics/find-cluster-states'));
  return rows.map((r) => r.state);
}

/** How many states one refresh transaction covers when all are refreshed. */
const STATES_PER_TRANSACTION = 20;

/**
 * Refreshes the given states (all states with clusters when omitted), a few per transaction. A
 * refresh of all also records the day OVERDUE was judged on, as `refreshOverdueSignals` does.
 */
export async function refreshAllClusterSignals(
  { db }: DbContext,
  states?: readonly string[],
): Promise<{ states: number; clusters: number }> {
  // The day of the first batch: were the refresh to cross midnight, the next check still looks
  // at the actions that fell due since then.
  const day = today();
  const todo = states ?? (await clusterStates({ run: (query, params) => db.read(query, params) }));
  let clusters = 0;
  // A refresh of everything also marks every part of the data as changed (after edits by other
  // means).
  if (!states) {
    await db.transaction(async (tx) => {
      for (const part of DATA_PARTS) await bumpDataVersion(tx, part);
    });
  }
  for (let i = 0; i < todo.length; i += STATES_PER_TRANSACTION) {
    const batch = todo.slice(i, i + STATES_PER_TRANSACTION);
    clusters += await db.transaction(async (tx) => {
      await lockStates(tx, batch);
      return refreshClusterSignals(tx, batch);
    });
  }
  if (!states) await db.write(cypher('analytics/set-overdue-day'), { today: day });
  return { states: todo.length, clusters };
}

/**
 * Brings OVERDUE up to date with the calendar: an action's due date passes without a write. Once
 * a day (a lookup otherwise), refreshes the states with an open action that fell due since the
 * day last recorded, then records today. Run when the server or a CLI command starts, and by the
 * server every minute.
 */
export async function refreshOverdueSignals(
  ctx: DbContext,
): Promise<{ day: string; states: number; clusters: number }> {
  const day = today();
  const [judged] = await ctx.db.read<{ day: string | null }>(cypher('analytics/find-overdue-day'));
  if (judged?.day === day) return { day, states: 0, clusters: 0 };
  const states = await ctx.db.read<{ state: string }>(
    cypher('analytics/find-newly-overdue-states'),
    { since: judged?.day ?? null, today: day },
  );
  const refreshed = await refreshAllClusterSignals(
    ctx,
    states.map((r) => r.state),
  );
  await ctx.db.write(cypher('analytics/set-overdue-day'), { today: day });
  return { day, ...refreshed };
}

/** Computes the signals of clusters that have none yet (a store from before they existed). */
export async function refreshMissingClusterSignals(ctx: DbContext) {
  const states = await ctx.db.read<{ state: string }>(
    cypher('analytics/find-states-without-signals'),
  );
  return refreshAllClusterSignals(
    ctx,
    states.map((r) => r.state),
  );
}

/** The stored signals of the states' clusters, to compare with `computeClusterSignals`. */
export function storedClusterSignals({ db }: DbContext, states: readonly string[]) {
  return db.read<ClusterSignals & Record<string, unknown>>(
    cypher('analytics/find-stored-signals'),
    {
      states,
    },
  );
}
