/**
 * Repetition: recommendations that repeat an earlier ask counted by cycle (recounted once
 * detection writes REPEATS), and the longest-running repeated asks.
 */
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../src/features/imports/index.ts';
import { detectOverlaps } from '../../../src/features/overlaps/index.ts';
import { STATS, type Stats, useAnalytics } from '../../helpers/analytics.ts';

const { t, RUN, withIcelandMechanism } = useAnalytics();

describe('repetition over time', () => {
  it('recounts REPEATS after overlap detection writes them', async () => {
    const text =
      'Establish a national human rights institution in full compliance with the Paris Principles.';
    await withIcelandMechanism('M', async (mechanism, write) => {
      const file = write('repeats', [
        { id: `${RUN}/1`, text, year: 2011, cycle: 1 },
        { id: `${RUN}/2`, text, year: 2016, cycle: 2 },
      ]);
      const byRepeats = { filter: { mechanisms: [mechanism] }, groupBy: ['REPEATS'] };
      expect((await runImport(t, { files: [file], format: 'ndjson' })).created).toBe(2);
      const before = await t.execute<Stats>(STATS, byRepeats);
      expect(before.data!.recommendationStats).toEqual([{ keys: ['FIRST_ASKED'], count: 2 }]);
      await detectOverlaps(t);
      const [link] = await t.db.read<{ later: string }>(
        `MATCH (l:Recommendation {mechanism: $mechanism})-[:REPEATS]->(:Recommendation)
         RETURN l.id AS later`,
        { mechanism },
      );
      expect(link?.later).toBe(`${RUN}/2`);
      const after = await t.execute<Stats>(STATS, byRepeats);
      expect(after.data!.recommendationStats).toEqual([
        { keys: ['FIRST_ASKED'], count: 1 },
        { keys: ['REPEATS_EARLIER'], count: 1 },
      ]);
    });
  });

  it('counts repetition by cycle and lists the longest-running repeated asks', async () => {
    const stats = await t.execute<Stats>(STATS, {
      filter: { states: ['SVN'] },
      groupBy: ['CYCLE', 'REPEATS'],
    });
    const repeating = stats
      .data!.recommendationStats.filter((b) => b.keys[1] === 'REPEATS_EARLIER')
      .reduce((n, b) => n + b.count, 0);
    const [truth] = await t.db.read<{ n: number }>(
      `MATCH (r:Recommendation {state: 'SVN'}) WHERE EXISTS { (r)-[:REPEATS]->() } RETURN count(r) AS n`,
    );
    expect(repeating).toBe(truth!.n);
    expect(repeating).toBeGreaterThan(0);

    const longest = await t.execute<{
      longestRepeatedAsks: {
        cluster: { firstYear: number; lastYear: number };
        signals: { kind: string }[];
      }[];
    }>(
      `{ longestRepeatedAsks(state: "SVN", first: 10) {
          cluster { firstYear lastYear } signals { kind } } }`,
    );
    expect(longest.errors).toBeUndefined();
    const rows = longest.data!.longestRepeatedAsks;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.signals.map((s) => s.kind)).toContain('REPEATED');
    const spans = rows.map((r) => r.cluster.lastYear - r.cluster.firstYear);
    expect(spans).toEqual([...spans].sort((a, b) => b - a));
  });
});
