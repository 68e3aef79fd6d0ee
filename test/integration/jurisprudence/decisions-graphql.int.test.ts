/**
 * decisions(filter), decision(id), treatyArticle(code) and State.decisions over the fixture
 * decisions, and the batching of their relations (one statement per relation, whatever the page).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importHudoc, importOhchrJuris } from '../../../src/features/jurisprudence/index.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';
import { FIXTURES, removeFixtureDecisions } from './decisions-fixtures.ts';

const t = useTestApp();

beforeAll(async () => {
  await removeFixtureDecisions(t.db);
  await importOhchrJuris(t, [path.join(FIXTURES, 'ohchr-juris-sample.xml')]);
  await importHudoc(t, [
    path.join(FIXTURES, 'echr-od-sample.csv'),
    path.join(FIXTURES, 'hudoc-export-sample.csv'),
  ]);
});
afterAll(() => removeFixtureDecisions(t.db));

type Page = {
  decisions: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { decisionId: string; year: number | null } }[];
  };
};
const page = async (filter: Record<string, unknown>, first = 20, after?: string) => {
  const response = await t.execute<Page>(
    `query ($filter: DecisionFilter, $first: Int, $after: String) {
      decisions(filter: $filter, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { decisionId year } } } }`,
    { filter, first, after },
  );
  expect(response.errors).toBeUndefined();
  return response.data!.decisions;
};
const ids = (p: Page['decisions']) => p.edges.map((e) => e.node.decisionId);

describe('decisions(filter)', () => {
  it('filters by body, state, article (with its paragraphs), outcome, years and text', async () => {
    expect(ids(await page({ bodies: ['CEDAW'], states: ['PER'] }))).toEqual([
      'CEDAW/C/50/D/92/2009',
    ]);
    const cat3 = await page({ articles: ['CAT-3'], bodies: ['CAT'] });
    expect(ids(cat3)).toContain('CAT/C/53/D/9458/2011');
    expect(ids(cat3)).toContain('CAT/C/41/D/9306/2006'); // CAT-3-1 and CAT-3-2
    const echr3 = await page({ bodies: ['ECtHR'], articles: ['ECHR-3'], outcomes: ['VIOLATION'] });
    expect(ids(echr3)).toContain('ECtHR/99113/07/2011-11-08');
    const recent = await page({ bodies: ['ECtHR'], years: { from: 2020, to: 2021 } });
    expect(recent.edges.every((e) => e.node.year! >= 2020 && e.node.year! <= 2021)).toBe(true);
    expect(recent.totalCount).toBe(recent.edges.length);
    expect(ids(await page({ text: 'K.L. v. SLOVAKIA' }))).toEqual(['ECtHR/99113/07/2011-11-08']);
  });

  it('pages with cursors, oldest first, and counts all that match', async () => {
    const first = await page({ bodies: ['CERD'] }, 1);
    expect(first.totalCount).toBe(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page({ bodies: ['CERD'] }, 1, first.pageInfo.endCursor!);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([...ids(first), ...ids(second)].sort()).toEqual([
      'CERD/C/9390#87/1995',
      'CERD/C/9390#91/1999',
    ]);
  });

  it('rejects a year range that ends before it starts', async () => {
    const response = await t.execute(
      '{ decisions(filter: { years: { from: 2010, to: 2000 } }) { totalCount } }',
    );
    expect(response.errors?.[0]?.message).toMatch(/years.from is after years.to/);
  });
});

describe('treatyArticle(code) and State.decisions', () => {
  it('gives an article with the decisions that apply it, and a state with the decisions against it', async () => {
    const response = await t.execute<{
      treatyArticle: {
        instrument: string;
        article: string;
        paragraph: string | null;
        subparagraph: string | null;
        decisions: { decisionId: string }[];
      };
      state: { decisions: { decisionId: string; body: { code: string } }[] };
    }>(
      `{ treatyArticle(code: "OPCEDAW-4-2-c") { instrument article paragraph subparagraph decisions { decisionId } }
         state(iso3: "SVK") { decisions { decisionId body { code } } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.treatyArticle).toEqual({
      instrument: 'OPCEDAW',
      article: '4',
      paragraph: '2',
      subparagraph: 'c',
      // Newest first.
      decisions: [{ decisionId: 'CEDAW/C/62/D/95/2013' }, { decisionId: 'CEDAW/C/59/D/94/2013' }],
    });
    const svk = response.data!.state.decisions;
    expect(svk.map((d) => d.decisionId)).toContain('ECtHR/99119/11/2020-06-11');
    expect(svk.every((d) => d.body.code === 'ECtHR')).toBe(true);
  });

  it('loads the relations of a page in one statement each', async () => {
    t.queries.length = 0;
    const response = await t.execute<{ decisions: { edges: unknown[] } }>(
      `{ decisions(first: 30) { totalCount edges { node { decisionId
          body { code } respondents { iso3 } returnStates { iso3 }
          articles { code violated article { instrument decisions { decisionId } } } } } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.decisions.edges.length).toBeGreaterThan(20);
    // The page, its count, mechanisms, states, articles per decision, articles, their decisions.
    expect(t.queries.length).toBeLessThanOrEqual(7);
  });
});
