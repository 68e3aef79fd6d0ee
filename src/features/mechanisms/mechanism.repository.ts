import type { DbContext } from '../../graphql/context.ts';
import { cypher } from '../../db/cypher.ts';

export interface Mechanism {
  readonly code: string;
  readonly name: string;
  /** UPR, TREATY_BODY, SPECIAL_PROCEDURE, REGIONAL (or OTHER, for mechanisms added by imports). */
  readonly kind: string;
  /** UN, COUNCIL_OF_EUROPE, INTER_AMERICAN, AFRICAN. */
  readonly system: string | null;
}

export async function findAllMechanisms({ db }: DbContext): Promise<Mechanism[]> {
  return (await db.read<{ mechanism: Mechanism }>(cypher('mechanisms/find-all'))).map(
    (row) => row.mechanism,
  );
}

export async function findMechanismsByCodes(
  { db }: DbContext,
  codes: readonly string[],
): Promise<Mechanism[]> {
  return (
    await db.read<{ mechanism: Mechanism }>(cypher('mechanisms/find-by-codes'), { codes })
  ).map((row) => row.mechanism);
}
