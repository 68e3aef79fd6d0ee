import type { Context } from '../../graphql/context.ts';
import { groupedByKeys } from '../../core/by-keys.ts';
import { InvalidInputError } from '../../core/errors.ts';
import { pageRequest, toConnection, type PageArgs } from '../../core/pagination.ts';
import * as repository from './decision.repository.ts';
import type { Decision, DecisionListParams } from './decision.repository.ts';

export interface DecisionFilter {
  /** Mechanism codes of the deciding bodies (CCPR, CAT, ECtHR, …). */
  readonly bodies?: readonly string[] | null | undefined;
  /** ISO3 codes of respondent states. */
  readonly states?: readonly string[] | null | undefined;
  /** Article codes; a code matches its paragraphs too (`CCPR-14` matches `CCPR-14-1`). */
  readonly articles?: readonly string[] | null | undefined;
  readonly outcomes?: readonly string[] | null | undefined;
  readonly years?:
    { readonly from?: number | null; readonly to?: number | null } | null | undefined;
  /** Case-insensitive substring of the symbol, title, numbers or issues. */
  readonly text?: string | null | undefined;
}

const nonEmpty = (list: readonly string[] | null | undefined, map = (s: string) => s) =>
  list?.length ? list.map(map) : null;

/** The filter as query parameters (null: no condition). */
export function decisionListParams(filter: DecisionFilter | null | undefined): DecisionListParams {
  const from = filter?.years?.from ?? null;
  const to = filter?.years?.to ?? null;
  if (from !== null && to !== null && from > to) {
    throw new InvalidInputError('years.from is after years.to', 'filter.years');
  }
  return {
    bodies: nonEmpty(filter?.bodies),
    outcomes: nonEmpty(filter?.outcomes, (s) => s.toUpperCase()),
    states: nonEmpty(filter?.states, (s) => s.toUpperCase()),
    articles: nonEmpty(filter?.articles),
    yearFrom: from,
    yearTo: to,
    text: filter?.text?.trim() ? filter.text.trim().toLowerCase() : null,
  };
}

/** Decisions matching the filter, oldest first (by date, then id), as a connection. */
export async function listDecisions(
  ctx: Context,
  { filter, ...page }: { filter?: DecisionFilter | null } & PageArgs,
) {
  const request = pageRequest(page);
  const params = decisionListParams(filter);
  const fetched = await repository.listDecisions(ctx, {
    ...params,
    afterKey: request.afterKey ?? null,
    beforeKey: request.beforeKey ?? null,
    limit: request.size + 1,
    backward: request.direction === 'backward',
  });
  return toConnection(
    fetched,
    request,
    (d) => d.sortKey,
    () => repository.countDecisions(ctx, params),
  );
}

export function findDecisionsByIds(ctx: Context, ids: readonly string[]): Promise<Decision[]> {
  return repository.findDecisionsByIds(ctx, ids);
}

/** The articles each decision applies (with `violated`), in key order. */
export async function findDecisionArticles(ctx: Context, ids: readonly string[]) {
  return groupedByKeys(ids, await repository.findDecisionArticles(ctx, ids));
}

/** The decisions against each state, newest first, in key order. */
export async function findDecisionsByStates(ctx: Context, iso3s: readonly string[]) {
  return groupedByKeys(iso3s, await repository.findDecisionsByStates(ctx, iso3s));
}
