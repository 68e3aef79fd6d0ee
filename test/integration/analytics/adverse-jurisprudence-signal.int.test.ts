/**
 * The ADVERSE_JURISPRUDENCE neglect signal: importing a judgment that found a violation against a
 * state marks that state's clusters on the same right (a member's theme crosswalked to the
 * article, reference/theme-articles.csv), the stored signals stay equal to a fresh computation,
 * and removing the judgment clears the signal again. The judgment is the authored ECHR-OD
 * fixture's C.D. v. Slovenia (Article 6-1 violated), against the demo's Slovenian clusters.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computeClusterSignals,
  storedClusterSignals,
  type ClusterSignals,
} from '../../../src/features/analytics-store/index.ts';
import { importHudoc } from '../../../src/features/jurisprudence/index.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';
import { FIXTURES, removeFixtureDecisions } from '../jurisprudence/decisions-fixtures.ts';

const t = useTestApp();

/** The fixture's Slovenian judgment (its id is its application number and date). */
async function slovenianJudgment(): Promise<string> {
  const [row] = await t.db.read<{ id: string }>(
    "MATCH (d:Decision {dataset: 'echr-od'})-[:AGAINST]->(:State {iso3: 'SVN'}) RETURN d.id AS id",
  );
  expect(row).toBeDefined();
  return row!.id;
}

/** Slovenian clusters with a member whose theme the crosswalk maps to ECHR-6. */
async function clustersOnFairTrial(): Promise<string[]> {
  const rows = await t.db.read<{ id: string }>(
    `MATCH (c:OverlapCluster {state: 'SVN'})-[:HAS_MEMBER]->(:Recommendation)-[:HAS_THEME]->(t:Theme)
     MATCH (x:ThemeArticles {scheme: t.scheme, code: t.code})
     WHERE 'ECHR-6' IN x.articleKeys
     RETURN DISTINCT c.id AS id ORDER BY id`,
  );
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  await importHudoc(t, [path.join(FIXTURES, 'echr-od-sample.csv')]);
});
afterAll(() => removeFixtureDecisions(t.db));

describe('the ADVERSE_JURISPRUDENCE signal', () => {
  it('marks the clusters on the right the state was found to violate, and only those', async () => {
    const judgment = await slovenianJudgment();
    const onFairTrial = await clustersOnFairTrial();
    expect(onFairTrial.length).toBeGreaterThan(0);
    const stored = await storedClusterSignals(t, ['SVN']);
    const marked = stored.filter((c) => c.signals.includes('ADVERSE_JURISPRUDENCE'));
    expect(marked.map((c) => c.id).sort()).toEqual(
      stored
        .filter((c) => c.adverse.length > 0)
        .map((c) => c.id)
        .sort(),
    );
    for (const id of onFairTrial)
      expect(stored.find((c) => c.id === id)?.adverse).toContain(judgment);
    for (const c of stored.filter((c) => !onFairTrial.includes(c.id)))
      expect(c.adverse).not.toContain(judgment);
  });

  it('keeps the stored signals equal to a fresh computation', async () => {
    const fresh = await t.db.transaction((tx) => computeClusterSignals(tx, ['SVN']));
    const stored = await storedClusterSignals(t, ['SVN']);
    const pick = (rows: readonly ClusterSignals[]) =>
      rows.map(({ id, adverse, signals, neglected }) => ({ id, adverse, signals, neglected }));
    expect(pick(stored)).toEqual(pick(fresh));
  });

  it('clears the signal once the judgment is removed (the removal refreshes the signals)', async () => {
    const judgment = await slovenianJudgment();
    await removeFixtureDecisions(t.db);
    const stored = await storedClusterSignals(t, ['SVN']);
    expect(stored.some((c) => c.adverse.includes(judgment))).toBe(false);
  });
});
