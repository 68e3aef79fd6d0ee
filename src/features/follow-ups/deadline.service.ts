/** The deadlines of recommendations under their mechanisms' rules (the rules: deadlines.ts). */
import type { DbContext } from '../../graphql/context.ts';
import { deadlinesOf, nextDeadline, todayUtc, type Deadline } from './deadlines.ts';
import * as repository from './follow-up.repository.ts';

/** The deadlines of each recommendation (soonest first), in key order. */
export async function deadlinesOfRecommendations(
  ctx: DbContext,
  recommendationIds: readonly string[],
): Promise<Deadline[][]> {
  const rows = await repository.findRecommendationBasis(ctx, recommendationIds);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return recommendationIds.map((id) => {
    const row = byId.get(id);
    return row ? deadlinesOf(row) : [];
  });
}

/** The next deadline of each recommendation (null where none is due today or later), in key order. */
export async function nextDeadlinesOf(
  ctx: DbContext,
  recommendationIds: readonly string[],
): Promise<(Deadline | null)[]> {
  const today = todayUtc();
  const all = await deadlinesOfRecommendations(ctx, recommendationIds);
  return all.map((deadlines) => nextDeadline(deadlines, today));
}
