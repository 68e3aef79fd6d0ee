/** A state's follow-up as a whole: its figures now, and over time (for dashboards). */
import { canSeeInternal } from '../../auth/viewer.ts';
import type { Context, DbContext } from '../../graphql/context.ts';
import { cachedAggregate } from '../analytics-store/index.ts';
import { todayUtc } from './deadlines.ts';
import * as repository from './follow-up.repository.ts';
import { iso3, parse } from './follow-up-inputs.ts';

export interface FollowUpSummary {
  readonly actions: number;
  readonly byStatus: { status: string; count: number }[];
  readonly overdue: number;
  readonly recommendations: number;
  readonly recommendationsWithAction: number;
  /** Share of the state's recommendations addressed by at least one action (0 when it has none). */
  readonly coverage: number;
}

export async function followUpSummary(ctx: DbContext, state: string): Promise<FollowUpSummary> {
  const row = await repository.stateSummary(ctx, state, todayUtc());
  const byStatus = row?.byStatus ?? [];
  const recommendations = row?.recommendations ?? 0;
  const addressed = row?.addressed ?? 0;
  return {
    actions: byStatus.reduce((sum, b) => sum + b.count, 0),
    byStatus,
    overdue: row?.overdue ?? 0,
    recommendations,
    recommendationsWithAction: addressed,
    coverage: recommendations ? Math.round((addressed / recommendations) * 10_000) / 10_000 : 0,
  };
}

/**
 * A state's follow-up over time, per year or month: actions started, due and completed, and
 * progress updates (counted only for viewers who may read them; null otherwise).
 */
export async function progressOverTime(
  ctx: Pick<Context, 'db' | 'viewer'>,
  state: string,
  interval: 'YEAR' | 'MONTH',
): Promise<
  (Omit<repository.ProgressPeriod, 'progressUpdates'> & { progressUpdates: number | null })[]
> {
  const iso = parse(iso3, state);
  // Cached: dashboards ask for it again and again, and only follow-up changes change it.
  const rows = await cachedAggregate(ctx, {
    key: JSON.stringify(['followUpProgress', iso, interval]),
    parts: ['follow-up'],
    compute: (c) => repository.findProgressOverTime(c, iso, interval === 'YEAR' ? 4 : 7),
  });
  const internal = canSeeInternal(ctx.viewer, iso);
  return rows.map((row) => ({ ...row, progressUpdates: internal ? row.progressUpdates : null }));
}
