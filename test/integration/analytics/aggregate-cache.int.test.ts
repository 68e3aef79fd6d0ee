/**
 * The aggregate cache behind recommendationStats: repeated requests served from it until the
 * data they read changes, concurrent requests computed once, kept per database, another
 * process's changes seen within the staleness allowed, stale results recomputed ahead.
 */
import { describe, expect, it, vi } from 'vitest';
import { cypher } from '../../../src/db/cypher.ts';
import {
  refreshStaleStats,
  setStatsMaxStaleness,
  staleStats,
  startStatsRefresh,
} from '../../../src/features/analytics-store/index.ts';
import { JWT_SECRET } from '../../helpers/auth.ts';
import { createTestApp, testLogger, type TestApp } from '../../helpers/create-test-app.ts';
import { STATS, type Stats, useAnalytics } from '../../helpers/analytics.ts';

const { t, planActionOnFreeRecommendation } = useAnalytics();

describe('the aggregate cache behind recommendationStats', () => {
  it('serves repeated requests from its cache until the data changes, then recomputes', async () => {
    const variables = { filter: { states: ['SVN'] }, groupBy: ['ACTION_STATUS'] };
    const first = await t.execute<Stats>(STATS, variables);
    // Served again without running the aggregation (only the data version is read).
    t.queries.length = 0;
    const again = await t.execute<Stats>(STATS, variables);
    expect(again.data).toEqual(first.data);
    expect(t.queries.map((q) => q.cypher).filter((c) => c.includes('count(*) AS count'))).toEqual(
      [],
    );
    // A change: one more recommendation with a PLANNED action.
    await planActionOnFreeRecommendation('planned');
    const after = await t.execute<Stats>(STATS, variables);
    const recomputed = await t.db.read<{ keys: (string | null)[]; count: number }>(
      `MATCH (r:Recommendation {state: 'SVN'})
       CALL (r) { OPTIONAL MATCH (a:FollowUpAction)-[:ADDRESSES]->(r) WITH DISTINCT a.status AS k RETURN k }
       RETURN [k] AS keys, count(*) AS count ORDER BY count DESC, keys`,
    );
    expect(after.data!.recommendationStats).toEqual(recomputed);
    expect(after.data).not.toEqual(first.data);
  });

  it('keeps counts that do not read follow-up data cached across a follow-up change', async () => {
    const byTheme = { filter: { states: ['SVN'] }, groupBy: ['THEME'] };
    const byStatus = { filter: { states: ['SVN'] }, groupBy: ['ACTION_STATUS'] };
    const themes = await t.execute<Stats>(STATS, byTheme);
    const statuses = await t.execute<Stats>(STATS, byStatus);
    await planActionOnFreeRecommendation('cached themes');
    t.queries.length = 0;
    const themesAfter = await t.execute<Stats>(STATS, byTheme);
    // Served from the cache: no aggregation ran, and the figures are still right.
    expect(t.queries.filter((q) => q.cypher.includes('count(*) AS count'))).toEqual([]);
    expect(themesAfter.data).toEqual(themes.data);
    const statusesAfter = await t.execute<Stats>(STATS, byStatus);
    expect(t.queries.filter((q) => q.cypher.includes('count(*) AS count'))).toHaveLength(1);
    const planned = (stats: Stats) =>
      stats.recommendationStats.find((b) => b.keys[0] === 'PLANNED')?.count ?? 0;
    expect(planned(statusesAfter.data!)).toBe(planned(statuses.data!) + 1);
  });

  it('computes figures asked for by several requests at once only once', async () => {
    const variables = {
      filter: { states: ['SVN'], mechanisms: ['UPR'] },
      groupBy: ['CYCLE', 'ACTION_STATUS'],
    };
    const aggregations = () =>
      t.queries.filter((q) => q.cypher.includes('AS keys, count(*) AS count')).length;
    const recomputed = () =>
      t.db.read<{ keys: (string | null)[]; count: number }>(
        `MATCH (r:Recommendation {state: 'SVN', mechanism: 'UPR'})
         CALL (r) { OPTIONAL MATCH (a:FollowUpAction)-[:ADDRESSES]->(r) WITH DISTINCT a.status AS k RETURN k }
         RETURN [toString(r.cycle), k] AS keys, count(*) AS count ORDER BY count DESC, keys`,
      );
    const together = () =>
      Promise.all(Array.from({ length: 6 }, () => t.execute<Stats>(STATS, variables)));
    for (const when of ['first asked', 'after a change']) {
      if (when === 'after a change') await planActionOnFreeRecommendation('asked at once');
      t.queries.length = 0;
      const answers = await together();
      expect(aggregations(), when).toBe(1);
      const expected = await recomputed();
      for (const answer of answers) {
        expect(answer.errors).toBeUndefined();
        expect(answer.data!.recommendationStats).toEqual(expected);
      }
    }
  });

  it('keeps cached figures per database: another connection does not answer from them', async () => {
    // A second driver stands for another database (Community has one): nothing it asks may be
    // answered from the figures cached for the first, which could hold other data.
    const variables = { filter: { states: ['SVN'] }, groupBy: ['RESPONSE'] };
    const aggregations = (app: TestApp) =>
      app.queries.filter((q) => q.cypher.includes('AS keys, count(*) AS count')).length;
    await t.execute<Stats>(STATS, variables);
    t.queries.length = 0;
    const cached = await t.execute<Stats>(STATS, variables);
    expect(aggregations(t)).toBe(0);
    const other = createTestApp();
    try {
      const answer = await other.execute<Stats>(STATS, variables);
      expect(aggregations(other)).toBe(1);
      expect(answer.data!.recommendationStats).toEqual(cached.data!.recommendationStats);
      other.queries.length = 0;
      await other.execute<Stats>(STATS, variables);
      expect(aggregations(other)).toBe(0);
    } finally {
      await other.close();
    }
  });

  it("sees its own changes at once and another process's within the staleness allowed", async () => {
    const variables = { filter: { states: ['SVN'] }, groupBy: ['ACTION_STATUS'] };
    const versionReads = () =>
      t.queries.filter((q) => q.cypher === cypher('analytics/find-data-version')).length;
    const aggregations = () =>
      t.queries.filter((q) => q.cypher.includes('AS keys, count(*) AS count')).length;
    const recomputed = () =>
      t.db.read<{ keys: (string | null)[]; count: number }>(
        `MATCH (r:Recommendation {state: 'SVN'})
         CALL (r) { OPTIONAL MATCH (a:FollowUpAction)-[:ADDRESSES]->(r) WITH DISTINCT a.status AS k RETURN k }
         RETURN [k] AS keys, count(*) AS count ORDER BY count DESC, keys`,
      );
    // Far longer than the test takes: whatever is served from the cache below is by the setting.
    const previousStaleness = setStatsMaxStaleness(60_000);
    // Its own driver: another process, as far as caching goes.
    const other = createTestApp({ auth: { jwtSecret: JWT_SECRET } });
    try {
      await t.execute<Stats>(STATS, variables);
      t.queries.length = 0;
      await t.execute<Stats>(STATS, variables);
      expect(t.queries).toEqual([]); // neither the versions nor the figures were read

      // This process's change is seen by the next request, whatever the staleness allowed.
      await planActionOnFreeRecommendation('own change');
      t.queries.length = 0;
      const own = await t.execute<Stats>(STATS, variables);
      // Read before computing, and again after it, to file the result only if nothing changed.
      expect(versionReads()).toBe(2);
      expect(aggregations()).toBe(1);
      expect(own.data!.recommendationStats).toEqual(await recomputed());

      // Requests arriving together after a change share one read of the versions.
      await planActionOnFreeRecommendation('own change, asked at once');
      t.queries.length = 0;
      const together = await Promise.all(
        Array.from({ length: 5 }, () => t.execute<Stats>(STATS, variables)),
      );
      expect(versionReads()).toBe(2);
      expect(aggregations()).toBe(1);
      const expected = await recomputed();
      for (const answer of together) expect(answer.data!.recommendationStats).toEqual(expected);

      // Another process's change: the figures cached here are served on for the time allowed...
      const before = together[0]!.data!.recommendationStats;
      await planActionOnFreeRecommendation("another process's change", other);
      t.queries.length = 0;
      const within = await t.execute<Stats>(STATS, variables);
      expect(t.queries).toEqual([]);
      expect(within.data!.recommendationStats).toEqual(before);
      // ...and once it has passed, the next request reads the versions and recomputes.
      setStatsMaxStaleness(100);
      await new Promise((resolve) => setTimeout(resolve, 150));
      const after = await t.execute<Stats>(STATS, variables);
      expect(versionReads()).toBe(2);
      expect(aggregations()).toBe(1);
      expect(after.data!.recommendationStats).toEqual(await recomputed());
      expect(after.data!.recommendationStats).not.toEqual(before);

      // With 0, every request reads the versions.
      setStatsMaxStaleness(0);
      t.queries.length = 0;
      await t.execute<Stats>(STATS, variables);
      await t.execute<Stats>(STATS, variables);
      expect(versionReads()).toBe(2);
      expect(aggregations()).toBe(0);
    } finally {
      setStatsMaxStaleness(previousStaleness);
      await other.close();
    }
  });

  it('recomputes stale cached counts ahead of the next request, in the background too', async () => {
    const byStatus = { filter: { states: ['SVN'] }, groupBy: ['ACTION_STATUS'] };
    const recomputed = () =>
      t.db.read<{ keys: (string | null)[]; count: number }>(
        `MATCH (r:Recommendation {state: 'SVN'})
         CALL (r) { OPTIONAL MATCH (a:FollowUpAction)-[:ADDRESSES]->(r) WITH DISTINCT a.status AS k RETURN k }
         RETURN [k] AS keys, count(*) AS count ORDER BY count DESC, keys`,
      );
    await t.execute<Stats>(STATS, byStatus);
    await refreshStaleStats(t, { limit: 1000 }); // what earlier tests' changes left stale
    expect(await staleStats(t)).toBe(0);
    await planActionOnFreeRecommendation('refresh ahead');
    const stale = await staleStats(t);
    expect(stale).toBeGreaterThanOrEqual(1);
    expect(await refreshStaleStats(t)).toBe(stale);
    expect(await staleStats(t)).toBe(0);
    t.queries.length = 0;
    const after = await t.execute<Stats>(STATS, byStatus);
    expect(t.queries.filter((q) => q.cypher.includes('AS keys, count(*) AS count'))).toEqual([]);
    expect(after.data!.recommendationStats).toEqual(await recomputed());

    // The server's loop does the same once the data versions hold still between two checks.
    const stop = startStatsRefresh(t, { intervalMs: 25, logger: testLogger() });
    try {
      await planActionOnFreeRecommendation('refreshed in the background');
      expect(await staleStats(t)).toBeGreaterThanOrEqual(1);
      await vi.waitFor(async () => expect(await staleStats(t)).toBe(0), {
        timeout: 15_000,
        interval: 50,
      });
    } finally {
      stop();
    }
    t.queries.length = 0;
    const background = await t.execute<Stats>(STATS, byStatus);
    expect(t.queries.filter((q) => q.cypher.includes('AS keys, count(*) AS count'))).toEqual([]);
    expect(background.data!.recommendationStats).toEqual(await recomputed());
  });
});
