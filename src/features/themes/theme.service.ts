import type { Context } from '../../graphql/context.ts';
import { connectionFromList, type PageArgs } from '../../core/pagination.ts';
import * as repository from './theme.repository.ts';

/** Themes of one scheme or all, ordered by scheme then code. */
export async function listThemes(
  ctx: Context,
  { scheme, ...page }: { scheme?: string | null } & PageArgs,
) {
  const themes = await repository.findThemes(ctx, scheme ?? null);
  return connectionFromList(themes, page, (theme) => `${theme.scheme}\u0000${theme.code}`);
}

export async function listAffectedGroups(ctx: Context, page: PageArgs) {
  return connectionFromList(await repository.findAffectedGroups(ctx), page, (group) => group.code);
}
