/** Where the ratification import's Cypher runs (src/features/reference/ratification-import.ts). */
import { cypher } from '../../db/cypher.ts';
import type { Tx } from '../../db/run.ts';

export interface StateCodes {
  readonly iso3: string;
  readonly iso2: string;
  readonly name: string;
  readonly names: readonly string[];
}

export interface InstrumentCodes {
  readonly code: string;
  /** The code ratification tables use; null on a database the current reference data has not reached. */
  readonly sourceCode: string | null;
  readonly name: string;
}

/** A state's link to an instrument: PARTY_TO (with its year and status), SIGNED, or neither. */
export interface RatificationLink {
  readonly iso3: string;
  readonly instrument: string;
  readonly party: boolean;
  readonly year: number | null;
  readonly status: string | null;
  readonly signed: boolean;
}

/** Every state and instrument a ratification file can name. */
export async function findRatificationTargets(
  tx: Pick<Tx, 'run'>,
): Promise<{ states: StateCodes[]; instruments: InstrumentCodes[] }> {
  const [row] = await tx.run<{ states: StateCodes[]; instruments: InstrumentCodes[] }>(
    cypher('reference/find-ratification-targets'),
  );
  return row ?? { states: [], instruments: [] };
}

/** The links as they stand for the given (state, instrument) pairs. */
export function findRatificationLinks(
  tx: Pick<Tx, 'run'>,
  pairs: readonly { iso3: string; instrument: string }[],
): Promise<RatificationLink[]> {
  return tx.run<RatificationLink & Record<string, unknown>>(
    cypher('reference/find-ratification-links'),
    { pairs },
  );
}

/** Sets each pair's links to what the row says (a party, a signatory, or neither). */
export async function writeRatificationLinks(
  tx: Pick<Tx, 'run'>,
  rows: readonly {
    iso3: string;
    instrument: string;
    party: boolean;
    signatory: boolean;
    year: number | null;
    status: string;
  }[],
): Promise<void> {
  if (rows.length) await tx.run(cypher('reference/write-ratification-links'), { rows });
}
