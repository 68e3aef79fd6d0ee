import type { DbContext } from '../../graphql/context.ts';
import { cypher } from '../../db/cypher.ts';

export interface State {
  readonly iso3: string;
  readonly iso2: string;
  readonly m49: string;
  readonly name: string;
  readonly formalName: string | null;
  readonly unMember: boolean;
  readonly unObserver: boolean;
  readonly ldc: boolean;
  readonly lldc: boolean;
  readonly sids: boolean;
  /** M49 code of the most specific region the state belongs to. */
  readonly region: string | null;
}

/** A state's names, read apart from the State (they are most of its bytes). */
export interface StateNames {
  /** Every known name variant (ISO, M49, UN names in six languages). */
  readonly names: readonly string[];
  readonly namesEn: readonly string[];
  readonly namesFr: readonly string[];
  readonly namesEs: readonly string[];
  readonly namesRu: readonly string[];
  readonly namesZh: readonly string[];
  readonly namesAr: readonly string[];
}

export interface Region {
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly parent: string | null;
}

export interface Ratification {
  readonly instrument: string;
  readonly name: string;
  readonly status: 'PARTY' | 'SIGNATORY';
  readonly year: number | null;
}

export interface RecommendationCountRow {
  readonly response: string | null;
  readonly mechanism: string;
  readonly cycle: number | null;
  readonly count: number;
}

/** Every state, each with the M49 codes of the regions it is in at every level. */
export async function findAllStates({
  db,
}: DbContext): Promise<{ state: State; regions: string[] }[]> {
  return db.read<{ state: State; regions: string[] }>(cypher('states/find-all'));
}

/** States for the given ISO3 codes, in no particular order (unknown codes are left out). */
export async function findStatesByIso3s(
  { db }: DbContext,
  iso3s: readonly string[],
): Promise<State[]> {
  const rows = await db.read<{ state: State }>(cypher('states/find-by-iso3s'), { iso3s });
  return rows.map((row) => row.state);
}

/** The names of the states with the given ISO3 codes, by code. */
export async function findNamesByIso3s(
  { db }: DbContext,
  iso3s: readonly string[],
): Promise<Map<string, StateNames>> {
  const rows = await db.read<{ iso3: string; names: StateNames }>(
    cypher('states/find-names-by-iso3s'),
    { iso3s },
  );
  return new Map(rows.map((row) => [row.iso3, row.names]));
}

export async function findStateNames({
  db,
}: DbContext): Promise<{ iso3: string; names: string[] }[]> {
  return db.read<{ iso3: string; names: string[] }>(cypher('states/find-names'));
}

export async function findRegionsByCodes(
  { db }: DbContext,
  codes: readonly string[],
): Promise<Region[]> {
  const rows = await db.read<{ region: Region }>(cypher('states/find-regions-by-codes'), { codes });
  return rows.map((row) => row.region);
}

export async function findRatifications(
  { db }: DbContext,
  iso3s: readonly string[],
): Promise<{ key: string; items: Ratification[] }[]> {
  return db.read<{ key: string; items: Ratification[] }>(cypher('states/find-ratifications'), {
    iso3s,
  });
}

export async function countRecommendations(
  { db }: DbContext,
  iso3: string,
): Promise<RecommendationCountRow[]> {
  return db.read<RecommendationCountRow & Record<string, unknown>>(
    cypher('states/count-recommendations'),
    { iso3 },
  );
}
