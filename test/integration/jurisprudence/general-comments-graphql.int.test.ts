/**
 * `generalComments(filter)` and `generalComment(id)` through GraphQL (issue 27, item 4): filters,
 * keyset pages with totalCount, lookup by alias and global ID, paragraphs loaded in one batch.
 * Other tests may hold general comments of their own, so the assertions check what the fixture
 * brings and that every result satisfies the filter.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGeneralComments } from '../../../src/features/jurisprudence/index.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';
import { uniqueId } from '../../helpers/factories.ts';

const t = useTestApp();
const SAMPLE = path.join(
  import.meta.dirname,
  '../../fixtures/jurisprudence/general-comments/general-comments-sample.csv',
);
const dataset = uniqueId('gc-graphql');

beforeAll(async () => {
  await importGeneralComments(t, [SAMPLE], { dataset });
});
afterAll(() =>
  t.db.write(
    `MATCH (g:GeneralComment {dataset: $dataset})
     OPTIONAL MATCH (g)-[:HAS_PARAGRAPH]->(p)
     OPTIONAL MATCH (g)-[:INTERPRETS]->(a:TreatyArticle)
     WITH collect(DISTINCT g) + collect(DISTINCT p) AS nodes, collect(DISTINCT a) AS articles
     FOREACH (n IN nodes | DETACH DELETE n)
     WITH articles UNWIND articles AS a
     WITH a WHERE NOT (a)--()
     DELETE a`,
    { dataset },
  ),
);

type Page = {
  generalComments: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { reference: string; bodies: string[]; year: number; title: string } }[];
  };
};

const LIST = `query ($filter: GeneralCommentFilter, $first: Int, $after: String) {
  generalComments(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { reference bodies year title } }
  }
}`;

const references = (page: Page | null | undefined) =>
  page?.generalComments.edges.map((e) => e.node.reference) ?? [];

describe('generalComments(filter)', () => {
  it('filters by body, a joint comment matching each of its bodies', async () => {
    const response = await t.execute<Page>(LIST, { filter: { bodies: ['CRC'] }, first: 100 });
    expect(response.errors).toBeUndefined();
    expect(references(response.data)).toContain('CEDAW/GR/31');
    expect(response.data?.generalComments.edges.every((e) => e.node.bodies.includes('CRC'))).toBe(
      true,
    );
    expect(response.data?.generalComments.totalCount).toBe(
      response.data?.generalComments.edges.length,
    );
  });

  it('filters by years and by words in the title or a paragraph', async () => {
    const years = await t.execute<Page>(LIST, {
      filter: { bodies: ['CEDAW', 'CCPR'], years: { from: 1980, to: 1990 } },
      first: 100,
    });
    expect(references(years.data)).toContain('CCPR/GC/10');
    expect(references(years.data)).not.toContain('CEDAW/GR/35');
    expect(years.data?.generalComments.edges.every((e) => e.node.year <= 1990)).toBe(true);

    // "Human rights defenders" is in a paragraph of CESCR GC 23, not in its title
    const text = await t.execute<Page>(LIST, {
      filter: { text: 'HUMAN RIGHTS DEFENDERS', bodies: ['CESCR'] },
      first: 100,
    });
    expect(references(text.data)).toContain('CESCR/GC/23');
    const title = await t.execute<Page>(LIST, { filter: { text: 'gender-based violence' } });
    expect(references(title.data)).toContain('CEDAW/GR/35');
  });

  it('pages in body-then-number order with cursors', async () => {
    const first = await t.execute<Page>(LIST, { filter: { bodies: ['CAT', 'CCPR'] }, first: 1 });
    const page1 = first.data?.generalComments;
    expect(page1?.edges).toHaveLength(1);
    expect(page1?.pageInfo.hasNextPage).toBe(true);
    const next = await t.execute<Page>(LIST, {
      filter: { bodies: ['CAT', 'CCPR'] },
      first: 100,
      after: page1?.pageInfo.endCursor,
    });
    const all = [...references(first.data), ...references(next.data)];
    expect(all).toEqual(expect.arrayContaining(['CAT/GC/3', 'CCPR/GC/10']));
    // CAT before CCPR, and numbers in numeric order within a body
    expect(all.indexOf('CAT/GC/3')).toBeLessThan(all.indexOf('CCPR/GC/10'));
    expect(page1?.totalCount).toBe(all.length);
  });

  it('rejects an unknown body', async () => {
    const response = await t.execute<Page>(LIST, { filter: { bodies: ['WHO'] } });
    expect(response.errors?.[0]?.message).toMatch(/unknown body "WHO"/);
  });
});

describe('TreatyArticle.generalComments', () => {
  it('lists the comments that interpret an article', async () => {
    const response = await t.execute<{
      a: { instrument: string; generalComments: { reference: string }[] } | null;
      b: { generalComments: { reference: string }[] } | null;
    }>(`{
      a: treatyArticle(code: "CCPR-19") { instrument generalComments { reference } }
      b: treatyArticle(code: "CERD-1-1") { generalComments { reference } }
    }`);
    expect(response.errors).toBeUndefined();
    expect(response.data?.a?.instrument).toBe('CCPR');
    expect(response.data?.a?.generalComments.map((g) => g.reference)).toContain('CCPR/GC/10');
    expect(response.data?.b?.generalComments.map((g) => g.reference)).toContain('CERD/GR/29');
  });
});

describe('generalComment(id)', () => {
  const ONE = `query ($id: ID!) { generalComment(id: $id) { id reference aliases paragraphCount } }`;

  it('finds a comment by reference, alias or global ID; null when there is none', async () => {
    const byAlias = await t.execute<{ generalComment: { id: string; reference: string } }>(ONE, {
      id: 'CRC/GC/18',
    });
    expect(byAlias.data?.generalComment).toMatchObject({
      id: 'GeneralComment:CEDAW/GR/31',
      reference: 'CEDAW/GR/31',
      aliases: ['CEDAW/GR/31', 'CRC/GC/18'],
      paragraphCount: 7,
    });
    const byGlobal = await t.execute<{ generalComment: { reference: string } }>(ONE, {
      id: 'GeneralComment:CERD/GR/29',
    });
    expect(byGlobal.data?.generalComment.reference).toBe('CERD/GR/29');
    const none = await t.execute(ONE, { id: 'CEDAW/GR/999' });
    expect(none).toEqual({ data: { generalComment: null } });
  });

  it('loads the paragraphs and articles of a page of comments in one statement each', async () => {
    // Arrange: count the statements of one request
    t.queries.length = 0;
    const response = await t.execute<{
      generalComments: { edges: { node: { paragraphs: { id: string }[]; articles: string[] } }[] };
    }>(
      `{ generalComments(first: 20) { edges { node { reference articles paragraphs { id number text concernedGroups } } } } }`,
    );
    expect(response.errors).toBeUndefined();
    const edges = response.data?.generalComments.edges ?? [];
    expect(edges.length).toBeGreaterThanOrEqual(6);
    // Assert: one page query, one batched paragraphs query, one batched articles query
    const statements = t.queries.map((q) => q.cypher);
    expect(statements.filter((c) => c.includes('GeneralCommentParagraph'))).toHaveLength(1);
    expect(statements.filter((c) => c.includes('INTERPRETS'))).toHaveLength(1);
    expect(statements).toHaveLength(3);
  });
});
