import type { DbContext } from '../../graphql/context.ts';
import { cypher } from '../../db/cypher.ts';
import type { Tx } from '../../db/run.ts';

export interface AgencyRecord {
  readonly id: string;
  readonly state: string;
  readonly name: string;
  readonly kind: string | null;
  readonly contact: string | null;
}

// --- reads -------------------------------------------------------------------------------------

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

// --- inside a write transaction ---------------------------------------------------------------

export async function lockAgency(tx: Tx, id: string): Promise<AgencyRecord | null> {
  const [row] = await tx.run<{ agency: AgencyRecord }>(cypher('follow-ups/lock-agency'), { id });
  return row?.agency ?? null;
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
