import type { DbContext } from '../../graphql/context.ts';
import { cypher } from '../../db/cypher.ts';

export interface SdgGoal {
  readonly code: string;
  readonly number: number;
  readonly shortTitle: string;
  readonly title: string;
  readonly titleFr: string;
  readonly titleEs: string;
}

export interface SdgTarget {
  readonly code: string;
  readonly goal: string;
  readonly title: string;
  readonly titleFr: string;
  readonly titleEs: string;
}

export async function findGoals({ db }: DbContext): Promise<SdgGoal[]> {
  return (await db.read<{ goal: SdgGoal }>(cypher('sdgs/find-goals'))).map((row) => row.goal);
}

export async function findGoalsByCodes(
  { db }: DbContext,
  codes: readonly string[],
): Promise<SdgGoal[]> {
  return (await db.read<{ goal: SdgGoal }>(cypher('sdgs/find-goals-by-codes'), { codes })).map(
    (row) => row.goal,
  );
}

export async function findTargets({ db }: DbContext, goal: string | null): Promise<SdgTarget[]> {
  return (await db.read<{ target: SdgTarget }>(cypher('sdgs/find-targets'), { goal })).map(
    (row) => row.target,
  );
}
