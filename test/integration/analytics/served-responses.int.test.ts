/**
 * A dashboard query answered only from cached aggregates is sent its previous answer again while
 * the data and the viewer are the same (server/plugins/served-responses.ts).
 */
import { describe, expect, it } from 'vitest';
import { JWT_SECRET } from '../../helpers/auth.ts';
import { createTestApp, type TestApp } from '../../helpers/create-test-app.ts';
import { useAnalytics } from '../../helpers/analytics.ts';

const { t, admin, planActionOnFreeRecommendation } = useAnalytics();

describe('dashboard queries', () => {
  it('sends a dashboard query its previous answer again only while the data and the viewer are the same', async () => {
    type Dashboard = {
      recommendationStats: { keys: (string | null)[]; count: number }[];
      coverageMatrix: { buckets: { keys: (string | null)[]; count: number; withAction: number }[] };
      followUpProgress: { period: string; completed: number; progressUpdates: number | null }[];
    };
    // Only fields answered from cached aggregates: the whole answer is kept
    // (server/plugins/served-responses.ts).
    const DASHBOARD = `query ($g: [StatsDimension!]!) {
      recommendationStats(filter: { states: ["SVN"] }, groupBy: $g) { keys count }
      coverageMatrix(filter: { states: ["SVN"] }) { buckets { keys count withAction } }
      followUpProgress(state: "SVN") { period completed progressUpdates }
    }`;
    const ask = async (app: TestApp, g: string[], headers?: Record<string, string>) => {
      const response = await app.execute<Dashboard>(DASHBOARD, { g }, headers);
      expect(response.errors).toBeUndefined();
      return response.data!;
    };
    const updates = (d: Dashboard) => d.followUpProgress.map((p) => p.progressUpdates);
    /** The answer of a new process (its own driver), which has nothing cached yet. */
    const afresh = async (g: string[]) => {
      const fresh = createTestApp({ auth: { jwtSecret: JWT_SECRET } });
      try {
        return await ask(fresh, g);
      } finally {
        await fresh.close();
      }
    };
    const first = await ask(t, ['RESPONSE']);
    t.queries.length = 0;
    expect(await ask(t, ['RESPONSE'])).toEqual(first);
    expect(t.queries).toEqual([]);

    // Other variables, another viewer: their own answers, never another's.
    const byCycle = await ask(t, ['CYCLE']);
    expect(byCycle).toEqual(await afresh(['CYCLE']));
    expect(byCycle.recommendationStats).not.toEqual(first.recommendationStats);
    expect(updates(first).every((n) => n === null)).toBe(true); // internal: anonymous sees null
    const asAdmin = await ask(t, ['RESPONSE'], admin);
    expect(updates(asAdmin).some((n) => (n ?? 0) > 0)).toBe(true);
    expect(updates(await ask(t, ['RESPONSE']))).toEqual(updates(first));
    expect(await ask(t, ['RESPONSE'], admin)).toEqual(asAdmin);

    // A change through this server: the next answer is made again, equal to a fresh one.
    await planActionOnFreeRecommendation('kept answers');
    const after = await ask(t, ['RESPONSE']);
    expect(after).toEqual(await afresh(['RESPONSE']));
    const addressed = (d: Dashboard) =>
      d.coverageMatrix.buckets.reduce((n, b) => n + b.withAction, 0);
    expect(addressed(after)).toBeGreaterThan(addressed(first));

    // A query that also asks for anything else is executed every time.
    const MIXED = `{ recommendationStats(filter: { states: ["SVN"] }, groupBy: [RESPONSE]) { count }
        recommendations(first: 1, filter: { states: ["SVN"] }) { edges { node { stableId } } } }`;
    expect((await t.execute(MIXED)).errors).toBeUndefined();
    t.queries.length = 0;
    expect((await t.execute(MIXED)).errors).toBeUndefined();
    expect(t.queries.length).toBeGreaterThan(0);
  });
});
