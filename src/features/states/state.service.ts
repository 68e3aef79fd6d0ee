import type { Context } from '../../graphql/context.ts';
import { InvalidInputError } from '../../core/errors.ts';
import { connectionFromList, type PageArgs } from '../../core/pagination.ts';
import { groupedByKeys } from '../../core/by-keys.ts';
import * as repository from './state.repository.ts';
import { StateNameIndex } from './state-names.ts';
import type { Ratification, Region, State } from './state.repository.ts';

/**
 * Checks region filter values: M49 codes are three digits (150 Europe, 039 Southern Europe).
 * @throws InvalidInputError naming `field` and the first value that is not one
 */
export function requireM49Codes(field: string, codes: readonly string[]): void {
  const bad = codes.find((code) => !/^\d{3}$/u.test(code));
  if (bad !== undefined) {
    throw new InvalidInputError(
      `${field}: ${JSON.stringify(bad)} is not an M49 region code (three digits, e.g. 150 for Europe)`,
      field,
    );
  }
}

export interface StateFilter {
  readonly unMember?: boolean | null | undefined;
  readonly region?: string | null | undefined;
}

/** All states matching the filter, one page, ordered by ISO3 code. */
export async function listStates(
  ctx: Context,
  { filter, ...page }: { filter?: StateFilter | null } & PageArgs,
) {
  const region = filter?.region ?? null;
  if (region !== null) requireM49Codes('region', [region]);
  const states = await repository.findAllStates(ctx);
  const matching = states
    .filter(
      ({ state, regions }) =>
        (filter?.unMember == null || state.unMember === filter.unMember) &&
        (region === null || regions.includes(region)),
    )
    .map(({ state }) => state);
  return connectionFromList(matching, page, (state) => state.iso3);
}

/** States for the dataloader (which puts them in key order). */
export function findStatesByIso3s(ctx: Context, iso3s: readonly string[]): Promise<State[]> {
  return repository.findStatesByIso3s(ctx, iso3s);
}

const NAMES_BY_LANGUAGE = {
  en: 'namesEn',
  fr: 'namesFr',
  es: 'namesEs',
  ru: 'namesRu',
  zh: 'namesZh',
  ar: 'namesAr',
} as const;

/**
 * Names for the dataloader, in key order: a key is an ISO3 code (every variant) or a code and a
 * language ("SVN:fr": the UN short and formal names in French); an unknown state has none.
 */
export async function findNames(ctx: Context, keys: readonly string[]): Promise<string[][]> {
  const split = keys.map((key) => key.split(':') as [string, (keyof typeof NAMES_BY_LANGUAGE)?]);
  const found = await repository.findNamesByIso3s(ctx, [...new Set(split.map(([iso3]) => iso3))]);
  return split.map(([iso3, language]) => {
    const names = found.get(iso3);
    if (!names) return [];
    return [...(language ? names[NAMES_BY_LANGUAGE[language]] : names.names)];
  });
}

export function findRegionsByCodes(ctx: Context, codes: readonly string[]): Promise<Region[]> {
  return repository.findRegionsByCodes(ctx, codes);
}

export async function findRatifications(
  ctx: Context,
  iso3s: readonly string[],
): Promise<Ratification[][]> {
  return groupedByKeys(iso3s, await repository.findRatifications(ctx, iso3s));
}

/** Resolves names ("Iran (Islamic Republic of)", "Côte d'Ivoire") against every state's variants. */
export async function stateNameIndex(ctx: Pick<Context, 'db'>): Promise<StateNameIndex> {
  return new StateNameIndex(await repository.findStateNames(ctx));
}

export interface RecommendationCounts {
  readonly total: number;
  readonly byResponse: { key: string | null; count: number }[];
  readonly byMechanism: { key: string | null; count: number }[];
  readonly byCycle: { key: string | null; count: number }[];
}

/** A state's recommendations counted in total and by response, mechanism and cycle. */
export async function recommendationCounts(
  ctx: Context,
  state: State,
): Promise<RecommendationCounts> {
  const rows = await repository.countRecommendations(ctx, state.iso3);
  const tally = (keyOf: (row: repository.RecommendationCountRow) => string | null) => {
    const counts = new Map<string | null, number>();
    for (const row of rows) counts.set(keyOf(row), (counts.get(keyOf(row)) ?? 0) + row.count);
    return [...counts]
      .map(([key, count]) => ({ key, count }))
      .sort((a, b) => b.count - a.count || String(a.key).localeCompare(String(b.key)));
  };
  return {
    total: rows.reduce((sum, row) => sum + row.count, 0),
    byResponse: tally((row) => row.response),
    byMechanism: tally((row) => row.mechanism),
    byCycle: tally((row) => (row.cycle === null ? null : String(row.cycle))),
  };
}
