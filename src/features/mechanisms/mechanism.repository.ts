import type { DbContext } from '../../graphql/context.ts';
import { cypher } from '../../db/cypher.ts';

export interface Mechanism {
  readonly code: string;
  readonly name: string;
  /** UPR, TREATY_BODY, SPECIAL_PROCEDURE, REGIONAL (or OTHER, for mechanisms added by imports). */
  readonly kind: string;
  /** UN, COUNCIL_OF_EUROPE, INTER_AMERICAN, AFRICAN. */
  readonly system: string | null;
  /** The code of the body it belongs to (a rapporteurship's commission), or null. */
  readonly parent: string | null;
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

/** The bodies that belong to each of the mechanisms, in one read. */
export function findChildren(
  { db }: DbContext,
  codes: readonly string[],
): Promise<{ key: string; items: Mechanism[] }[]> {
  return db.read<{ key: string; items: Mechanism[] }>(cypher('mechanisms/find-children'), {
    codes,
  });
}
