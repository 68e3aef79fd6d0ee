import type { DbContext } from '../../graphql/context.ts';
import { cypher } from '../../db/cypher.ts';
import type { Tx } from '../../db/run.ts';

export interface ProgressRecord {
  readonly id: string;
  readonly date: string;
  readonly status: string | null;
  readonly note: string;
  readonly evidenceUrl: string | null;
  readonly author: string;
  readonly createdAt: string;
}

export function findProgressUpdates({ db }: DbContext, actionIds: readonly string[]) {
  return db.read<{ actionId: string; update: ProgressRecord }>(
    cypher('follow-ups/find-progress-updates'),
    { actionIds },
  );
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
