/**
 * The aggregates dashboards ask for: recommendationStats by one or two dimensions, the coverage
 * matrix and the follow-up over time, as the graph has them and as `recgraph export stats` writes
 * them; the groupings refused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { exportStatsCommand } from '../../../src/cli/stats.ts';
import { cypher } from '../../../src/db/cypher.ts';
import { STATS, type Stats, useAnalytics } from '../../helpers/analytics.ts';

const { t, RUN, admin, planActionOnFreeRecommendation } = useAnalytics();

describe('aggregates for dashboards', () => {
  it('counts by one or two dimensions, as the graph says', async () => {
    const byCycle = await t.execute<Stats>(STATS, {
      filter: { states: ['SVN'] },
      groupBy: ['CYCLE'],
    });
    expect(byCycle.errors).toBeUndefined();
    const expected = await t.db.read<{ keys: string[]; count: number }>(
      `MATCH (r:Recommendation {state: 'SVN'}) RETURN [toString(r.cycle)] AS keys, count(*) AS count
       ORDER BY count DESC, keys`,
    );
    expect(byCycle.data!.recommendationStats).toEqual(expected);

    // Two dimensions: the buckets of one cycle add up to that cycle's count.
    const two = await t.execute<Stats>(STATS, {
      filter: { states: ['SVN'] },
      groupBy: ['CYCLE', 'RESPONSE'],
    });
    for (const { keys, count } of expected) {
      const sum = two
        .data!.recommendationStats.filter((b) => b.keys[0] === keys[0])
        .reduce((n, b) => n + b.count, 0);
      expect(sum).toBe(count);
    }

    // Follow-up dimensions: the demo's actions by status, and recommendations without any.
    const actions = await t.execute<Stats>(STATS, {
      filter: { states: ['SVN'] },
      groupBy: ['ACTION_STATUS'],
    });
    const statuses = new Map(actions.data!.recommendationStats.map((b) => [b.keys[0], b.count]));
    expect(statuses.get('COMPLETED')).toBeGreaterThanOrEqual(1);
    expect(statuses.get(null)).toBeGreaterThan(500);
  });

  it('exports the same buckets as CSV (recgraph export stats)', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'recgraph-stats-')), 'stats.csv');
    const count = await exportStatsCommand(t.db, {
      groupBy: 'cycle,response',
      state: ['SVN'],
      out,
    });
    const rows: string[][] = parse(fs.readFileSync(out, 'utf8'));
    expect(rows[0]).toEqual(['cycle', 'response', 'count']);
    expect(rows).toHaveLength(count + 1);
    const api = await t.execute<Stats>(STATS, {
      filter: { states: ['SVN'] },
      groupBy: ['CYCLE', 'RESPONSE'],
    });
    expect(rows.slice(1)).toEqual(
      api.data!.recommendationStats.map((b) => [...b.keys.map((k) => k ?? ''), String(b.count)]),
    );
    await expect(exportStatsCommand(t.db, { groupBy: 'colour' })).rejects.toThrow(
      /--group-by COLOUR/,
    );
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });

  it('gives the coverage matrix and the follow-up over time', async () => {
    type Matrix = {
      dimensions: string[];
      cells: number;
      axes: (string | null)[][];
      positions: number[][];
      count: number[];
      withAction: number[];
      buckets: { keys: (string | null)[]; count: number; withAction: number; coverage: number }[];
    };
    const MATRIX = `query ($g: [StatsDimension!]) {
      coverageMatrix(filter: { states: ["SVN"] }, groupBy: $g) {
        dimensions cells axes positions count withAction buckets { keys count withAction coverage } }
      state(iso3: "SVN") { followUp { recommendations recommendationsWithAction } } }`;
    const matrixOf = async (g?: string[]) => {
      const response = await t.execute<{
        coverageMatrix: Matrix;
        state: { followUp: { recommendations: number; recommendationsWithAction: number } };
      }>(MATRIX, { g });
      expect(response.errors).toBeUndefined();
      const m = response.data!.coverageMatrix;
      // The columns hold the same cells as the buckets, in the same order.
      expect(m.cells).toBe(m.buckets.length);
      expect(
        m.count.map((count, i) => ({
          keys: m.positions.map((column, d) => m.axes[d]![column[i]!]),
          count,
          withAction: m.withAction[i],
        })),
      ).toEqual(m.buckets.map(({ keys, count, withAction }) => ({ keys, count, withAction })));
      for (const c of m.buckets) expect(c.coverage).toBeCloseTo(c.withAction / c.count, 4);
      return { matrix: m, followUp: response.data!.state.followUp };
    };
    // Each recommendation has one state, cycle and mechanism: the cells add up to the state's
    // figures, which state.followUp computes another way.
    const { matrix: byCycle, followUp } = await matrixOf(['STATE', 'CYCLE', 'MECHANISM']);
    expect(byCycle.dimensions).toEqual(['STATE', 'CYCLE', 'MECHANISM']);
    expect(byCycle.count.reduce((n, c) => n + c, 0)).toBe(followUp.recommendations);
    expect(byCycle.withAction.reduce((n, c) => n + c, 0)).toBe(followUp.recommendationsWithAction);

    // By default state x theme x mechanism (several themes per recommendation): equal
    // to a recomputation in one statement, before and after a follow-up change, which recomputes
    // only the addressed counts.
    const recomputed = () =>
      t.db.read<{ keys: (string | null)[]; count: number; withAction: number }>(
        `MATCH (r:Recommendation {state: 'SVN'})
         CALL (r) { OPTIONAL MATCH (r)-[:HAS_THEME]->(t:Theme) RETURN t.scheme + ':' + t.code AS theme }
         RETURN [r.state, theme, r.mechanism] AS keys, count(*) AS count,
                count(CASE WHEN EXISTS { (:FollowUpAction)-[:ADDRESSES]->(r) } THEN 1 END) AS withAction
         ORDER BY count DESC, keys`,
      );
    const cells = (m: Matrix) =>
      m.buckets.map(({ keys, count, withAction }) => ({ keys, count, withAction }));
    const before = (await matrixOf()).matrix;
    expect(before.dimensions).toEqual(['STATE', 'THEME', 'MECHANISM']);
    expect(cells(before)).toEqual(await recomputed());
    await planActionOnFreeRecommendation('coverage');
    t.queries.length = 0;
    const after = (await matrixOf()).matrix;
    const aggregations = t.queries.filter((q) => q.cypher.includes('AS keys, count(*) AS count'));
    expect(aggregations).toHaveLength(1);
    expect(aggregations[0]!.cypher).toContain('FollowUpAction');
    expect(cells(after)).toEqual(await recomputed());
    expect(after.withAction.reduce((n, c) => n + c, 0)).toBeGreaterThan(
      before.withAction.reduce((n, c) => n + c, 0),
    );

    const overTime = await t.execute<{
      followUpProgress: {
        period: string;
        started: number;
        due: number;
        completed: number;
        progressUpdates: number | null;
      }[];
    }>(
      `{ followUpProgress(state: "SVN") { period started due completed progressUpdates } }`,
      {},
      admin,
    );
    expect(overTime.errors).toBeUndefined();
    const periods = overTime.data!.followUpProgress;
    const [actions] = await t.db.read<{ started: number; due: number; completed: number }>(
      `MATCH (a:FollowUpAction {state: 'SVN'})
       RETURN count(a.startDate) AS started, count(a.dueDate) AS due, count(a.completedDate) AS completed`,
    );
    expect(periods.reduce((n, p) => n + p.started, 0)).toBe(actions!.started);
    expect(periods.reduce((n, p) => n + p.due, 0)).toBe(actions!.due);
    expect(periods.reduce((n, p) => n + p.completed, 0)).toBe(actions!.completed);
    // The demo's Istanbul Convention action was completed in 2015.
    expect(periods.find((p) => p.period === '2015')?.completed).toBeGreaterThanOrEqual(1);
    expect(periods.map((p) => p.period)).toEqual([...periods.map((p) => p.period)].sort());
    // Progress updates are internal: counted for an admin, null for anonymous callers.
    expect(periods.some((p) => (p.progressUpdates ?? 0) > 0)).toBe(true);
    const anonymous = await t.execute<{ followUpProgress: { progressUpdates: number | null }[] }>(
      `{ followUpProgress(state: "SVN") { progressUpdates } }`,
    );
    expect(anonymous.data!.followUpProgress.every((p) => p.progressUpdates === null)).toBe(true);

    // Cached until a follow-up change, then recomputed: equal to the Cypher run afresh.
    const PROGRESS = `{ followUpProgress(state: "SVN") { period started due completed progressUpdates } }`;
    type Progress = { followUpProgress: typeof periods };
    const progressRuns = () =>
      t.queries.filter((q) => q.cypher === cypher('follow-ups/find-progress-over-time')).length;
    const fresh = () =>
      t.db.read(cypher('follow-ups/find-progress-over-time'), { state: 'SVN', length: 4 });
    t.queries.length = 0;
    const cachedProgress = await t.execute<Progress>(PROGRESS, {}, admin);
    expect(progressRuns()).toBe(0);
    expect(cachedProgress.data!.followUpProgress).toEqual(periods);
    const [free] = await t.db.read<{ id: string }>(
      `MATCH (r:Recommendation {state: 'SVN'}) RETURN r.id AS id ORDER BY id LIMIT 1`,
    );
    const started = await t.execute(
      `mutation ($rec: ID!, $title: String!) { createFollowUpAction(input: { state: "SVN",
         title: $title, startDate: "2031-03-01", recommendationIds: [$rec] }) { __typename } }`,
      { rec: free!.id, title: `${RUN} started in 2031` },
      admin,
    );
    expect(started.errors).toBeUndefined();
    const recomputedProgress = await t.execute<Progress>(PROGRESS, {}, admin);
    expect(progressRuns()).toBe(1);
    expect(recomputedProgress.data!.followUpProgress).toEqual(await fresh());
    const in2031 = (p: typeof periods) => p.find((x) => x.period === '2031')?.started ?? 0;
    expect(in2031(recomputedProgress.data!.followUpProgress)).toBe(in2031(periods) + 1);

    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'recgraph-cov-')), 'cov.csv');
    await exportStatsCommand(t.db, {
      groupBy: 'state,cycle,mechanism',
      state: ['SVN'],
      coverage: true,
      out,
    });
    const rows: string[][] = parse(fs.readFileSync(out, 'utf8'));
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
    expect(rows[0]).toEqual(['state', 'cycle', 'mechanism', 'count', 'with_action', 'coverage']);
    // An empty matrix still has one (empty) axis per dimension.
    const empty = await t.execute<{ coverageMatrix: Partial<Matrix> }>(
      `{ coverageMatrix(filter: { states: ["SVN"], years: { from: 2199 } }) { cells axes positions count } }`,
    );
    expect(empty.data!.coverageMatrix).toEqual({
      cells: 0,
      axes: [[], [], []],
      positions: [[], [], []],
      count: [],
    });
    // With a text search, the addressed count starts from the full-text index instead (the
    // English one: the demo's Slovenian texts are English).
    const searched = await t.execute<{ coverageMatrix: { count: number[]; withAction: number[] } }>(
      `{ coverageMatrix(filter: { states: ["SVN"], text: "women" }, groupBy: [STATE]) { count withAction } }`,
    );
    const [truth] = await t.db.read<{ count: number; withAction: number }>(
      `CALL db.index.fulltext.queryNodes('recommendation_text_en', 'women') YIELD node AS r
       WITH r WHERE r.state = 'SVN'
       RETURN count(r) AS count,
              count(CASE WHEN EXISTS { (:FollowUpAction)-[:ADDRESSES]->(r) } THEN 1 END) AS withAction`,
    );
    expect(truth!.withAction).toBeGreaterThan(0);
    expect(searched.data!.coverageMatrix).toEqual({
      count: [truth!.count],
      withAction: [truth!.withAction],
    });

    // The same cells as the API's (with the action added above).
    const { matrix: now } = await matrixOf(['STATE', 'CYCLE', 'MECHANISM']);
    expect(rows.slice(1)).toEqual(
      now.buckets.map((b) => [
        ...b.keys.map((k) => k ?? ''),
        String(b.count),
        String(b.withAction),
        (b.withAction / b.count).toFixed(4),
      ]),
    );
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });

  it('refuses three dimensions or one twice', async () => {
    for (const groupBy of [['STATE', 'YEAR', 'CYCLE'], ['STATE', 'STATE'], []]) {
      const response = await t.execute(STATS, { groupBy });
      expect(response.errors?.[0]?.extensions?.['code'], JSON.stringify(groupBy)).toBe(
        'INVALID_INPUT',
      );
    }
  });
});
