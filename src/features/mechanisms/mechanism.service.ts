import type { Context } from '../../graphql/context.ts';
import { connectionFromList, type PageArgs } from '../../core/pagination.ts';
import { groupedByKeys } from '../../core/by-keys.ts';
import * as repository from './mechanism.repository.ts';

export interface MechanismFilter {
  readonly kinds?: readonly string[] | null | undefined;
  readonly systems?: readonly string[] | null | undefined;
}

/** Mechanisms (a few dozen: held in memory per request), ordered by code. */
export async function listMechanisms(
  ctx: Context,
  { filter, ...page }: { filter?: MechanismFilter | null } & PageArgs,
) {
  const all = await repository.findAllMechanisms(ctx);
  const matching = all.filter(
    (m) =>
      (!filter?.kinds?.length || filter.kinds.includes(m.kind)) &&
      (!filter?.systems?.length || (m.system !== null && filter.systems.includes(m.system))),
  );
  return connectionFromList(matching, page, (m) => m.code);
}

export function findMechanismsByCodes(ctx: Context, codes: readonly string[]) {
  return repository.findMechanismsByCodes(ctx, codes);
}

/** The bodies that belong to each mechanism (none: an empty list), in key order. */
export async function findChildren(ctx: Context, codes: readonly string[]) {
  return groupedByKeys(codes, await repository.findChildren(ctx, codes));
}
