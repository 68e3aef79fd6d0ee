import type { Context } from '../../graphql/context.ts';
import { connectionFromList, type PageArgs } from '../../core/pagination.ts';
import * as repository from './sdg.repository.ts';

/** "5.2" < "5.10" < "5.a": targets in the official order (numbered first, then lettered). */
export const targetSortKey = (code: string) =>
  code
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? part.padStart(3, '0') : `~${part}`))
    .join('.');

export async function listGoals(ctx: Context, page: PageArgs) {
  return connectionFromList(await repository.findGoals(ctx), page, (goal) =>
    String(goal.number).padStart(3, '0'),
  );
}

export async function listTargets(
  ctx: Context,
  { goal, ...page }: { goal?: string | null } & PageArgs,
) {
  return connectionFromList(await repository.findTargets(ctx, goal ?? null), page, (target) =>
    targetSortKey(target.code),
  );
}

export function findGoalsByCodes(ctx: Context, codes: readonly string[]) {
  return repository.findGoalsByCodes(ctx, codes);
}
