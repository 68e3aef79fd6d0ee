/**
 * Citations read at import and stored with their spans, resolved to the general comments,
 * decisions and treaty articles the graph holds (also when those are imported afterwards), and
 * the jurisprudence related through them: Recommendation.citations and relatedJurisprudence,
 * Decision.relatedRecommendations, GeneralComment.citedBy, TreatyArticle.recommendations,
 * jurisprudenceGaps, `recgraph jurisprudence link`, and the statements a page of 20 costs.
 * The document is authored for this test; the decisions and general comments are the fixtures.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  importGeneralComments,
  importOhchrJuris,
  resolvePendingCitations,
} from '../../../src/features/jurisprudence/index.ts';
import { lastJson, recgraph } from '../../helpers/cli.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';
import { documentScopes } from '../../helpers/documents.ts';
import { uniqueId } from '../../helpers/factories.ts';
import { FIXTURES, removeFixtureDecisions } from './decisions-fixtures.ts';

const t = useTestApp();
const scope = documentScopes(t)();
const symbol = `CEDAW/C/PHL/CO/9${scope.tag}`;
const paragraph = `${symbol}#12`;
const gcDataset = uniqueId('gc-citations');
const GENERAL_COMMENTS = path.join(
  import.meta.dirname,
  '../../fixtures/jurisprudence/general-comments/general-comments-sample.csv',
);

const TEXT =
  'El Comité recomienda al Estado parte que, de conformidad con su recomendación general núm. 35 (2017) y el artículo 2 c) de la Convención, garantice el acceso de las mujeres a la justicia y aplique el dictamen del Comité sobre la comunicación núm. 93/2011.';

beforeAll(async () => {
  const file = scope.file(
    'citing.md',
    `# Observaciones finales\n\n## Recomendaciones\n\n12. ${TEXT}\n\n13. El Comité recomienda al Estado parte que difunda ampliamente las presentes observaciones finales.\n`,
  );
  await scope.import([file], {
    mechanism: 'CEDAW',
    state: 'PHL',
    symbol,
    date: '2016-07-22',
    language: 'es',
  });
});

afterAll(async () => {
  await removeFixtureDecisions(t.db);
  await t.db.write(
    `MATCH (g:GeneralComment {dataset: $dataset})
     OPTIONAL MATCH (g)-[:HAS_PARAGRAPH]->(p)
     WITH collect(DISTINCT g) + collect(DISTINCT p) AS nodes
     FOREACH (n IN nodes | DETACH DELETE n)`,
    { dataset: gcDataset },
  );
  await t.db.write('MATCH (c:Citation) WHERE NOT (c)<-[:CITES]-() DETACH DELETE c');
});

type CitationView = {
  reference: string;
  kind: string;
  span: string;
  start: number;
  end: number;
  target: { __typename: string; decisionId?: string; reference?: string; code?: string } | null;
};

const CITATIONS = `query ($id: ID!) {
  node(id: $id) { ... on Recommendation { text citations {
    reference kind span start end
    target { __typename ... on Decision { decisionId } ... on GeneralComment { reference } ... on TreatyArticle { code } }
  } } }
}`;

async function citationsOf(id: string) {
  const response = await t.execute<{ node: { text: string; citations: CitationView[] } }>(
    CITATIONS,
    { id: `Recommendation:${id}` },
  );
  expect(response.errors).toBeUndefined();
  return response.data!.node;
}

describe('citations read at import', () => {
  it('stores each citation with its exact span, kind and canonical reference', async () => {
    const { text, citations } = await citationsOf(paragraph);
    expect(citations.map((c) => [c.kind, c.reference])).toEqual([
      ['GENERAL_COMMENT', 'CEDAW/GR/35'],
      ['ARTICLE', 'CEDAW-2-c'],
      ['COMMUNICATION', 'CEDAW 93/2011'],
    ]);
    for (const c of citations) expect(text.slice(c.start, c.end)).toBe(c.span);
    expect(citations[0]!.span).toMatch(/^recomendación general núm\. 35/u);
  });

  it('keeps citations whose target the graph lacks, and points articles at their node', async () => {
    const { citations } = await citationsOf(paragraph);
    const byKind = Object.fromEntries(citations.map((c) => [c.kind, c.target]));
    expect(byKind['GENERAL_COMMENT']).toBeNull();
    expect(byKind['COMMUNICATION']).toBeNull();
    expect(byKind['ARTICLE']).toEqual({ __typename: 'TreatyArticle', code: 'CEDAW-2-c' });
  });

  it('gives a recommendation that cites nothing no citations', async () => {
    expect((await citationsOf(`${symbol}#13`)).citations).toEqual([]);
  });
});

describe('citations resolved once their targets are imported', () => {
  beforeAll(async () => {
    await importGeneralComments(t, [GENERAL_COMMENTS], { dataset: gcDataset });
    await importOhchrJuris(t, [path.join(FIXTURES, 'ohchr-juris-sample.xml')]);
    await resolvePendingCitations(t);
  });

  it('points a general recommendation and a communication at their nodes', async () => {
    const { citations } = await citationsOf(paragraph);
    const byKind = Object.fromEntries(citations.map((c) => [c.kind, c.target]));
    expect(byKind['GENERAL_COMMENT']).toEqual({
      __typename: 'GeneralComment',
      reference: 'CEDAW/GR/35',
    });
    // The fixture has the communication's views and a skeleton record of it: the views win.
    expect(byKind['COMMUNICATION']).toMatchObject({ __typename: 'Decision' });
    expect(byKind['COMMUNICATION']!.decisionId).toMatch(/^CEDAW\/C\/57\/D\/93\/2011/u);
  });

  it('lists the citing recommendation from the general comment and from the article', async () => {
    const response = await t.execute<{
      generalComment: { citedBy: { totalCount: number; edges: { node: { stableId: string } }[] } };
      treatyArticle: { recommendations: { edges: { node: { stableId: string } }[] } };
    }>(
      `{ generalComment(id: "CEDAW/GR/35") { citedBy(first: 100) { totalCount edges { node { stableId } } } }
         treatyArticle(code: "CEDAW-2") { recommendations(first: 100) { edges { node { stableId } } } } }`,
    );
    expect(response.errors).toBeUndefined();
    const citing = response.data!.generalComment.citedBy.edges.map((e) => e.node.stableId);
    expect(citing).toContain(paragraph);
    expect(response.data!.generalComment.citedBy.totalCount).toBe(citing.length);
    // CEDAW-2 takes its deeper levels (the text cites CEDAW-2-c).
    expect(
      response.data!.treatyArticle.recommendations.edges.map((e) => e.node.stableId),
    ).toContain(paragraph);
  });

  it('relates the recommendation to the decision it cites, first, with why', async () => {
    const response = await t.execute<{
      node: {
        relatedJurisprudence: {
          score: number;
          reasons: { via: string; article: string | null }[];
          decision: { decisionId: string };
        }[];
      };
    }>(
      `query ($id: ID!) { node(id: $id) { ... on Recommendation { relatedJurisprudence(first: 5) {
         score reasons { via article } decision { decisionId } } } } }`,
      { id: `Recommendation:${paragraph}` },
    );
    expect(response.errors).toBeUndefined();
    const related = response.data!.node.relatedJurisprudence;
    expect(related[0]!.decision.decisionId).toMatch(/^CEDAW\/C\/57\/D\/93\/2011/u);
    const vias = related[0]!.reasons.map((r) => r.via);
    expect(vias).toContain('CITED');
    // The decision also applies CEDAW-2 (2-c, 2-d, 2-f), which the recommendation cites.
    expect(related[0]!.reasons).toContainEqual({ via: 'ARTICLE', article: 'CEDAW-2' });
    expect(related.map((r) => r.score)).toEqual(
      [...related.map((r) => r.score)].sort((a, b) => b - a),
    );
  });

  it('relates the decision back to the recommendation, made after it', async () => {
    const related = await t.execute<{
      decision: {
        relatedRecommendations: {
          totalCount: number;
          edges: { node: { timing: string; recommendation: { stableId: string } } }[];
        };
      };
    }>(
      `query ($id: String!) { decision(id: $id) { relatedRecommendations(first: 100) {
         totalCount edges { node { timing recommendation { stableId } } } } } }`,
      { id: await decisionIdOf('CEDAW/C/57/D/93/2011') },
    );
    expect(related.errors).toBeUndefined();
    const edge = related.data!.decision.relatedRecommendations.edges.find(
      (e) => e.node.recommendation.stableId === paragraph,
    );
    expect(edge?.node.timing).toBe('AFTER');
  });

  it('reads the graph again with `jurisprudence link --full` and finds the same citations', async () => {
    const before = await citationsOf(paragraph);
    const result = await recgraph('jurisprudence', 'link', '--full', '--json');
    expect(result.code, result.stderr).toBe(0);
    const summary = lastJson(result.stdout) as { full: boolean; read: number; citing: number };
    expect(summary.full).toBe(true);
    expect(summary.read).toBeGreaterThan(0);
    expect(summary.citing).toBeGreaterThan(0);
    expect((await citationsOf(paragraph)).citations).toEqual(before.citations);
    // Nothing left to read: an incremental run reads nothing.
    const again = lastJson((await recgraph('jurisprudence', 'link', '--json')).stdout) as {
      read: number;
    };
    expect(again.read).toBe(0);
  });
});

describe('jurisprudenceGaps', () => {
  it('lists an adverse decision whose related recommendation the state noted', async () => {
    const gaps = async () => {
      const response = await t.execute<{
        jurisprudenceGaps: {
          violationRecorded: boolean;
          decision: { decisionId: string };
          noted: { stableId: string }[];
        }[];
      }>(
        `{ jurisprudenceGaps(state: "PHL") { violationRecorded decision { decisionId } noted { stableId } } }`,
      );
      expect(response.errors).toBeUndefined();
      return response.data!.jurisprudenceGaps.filter((g) =>
        g.decision.decisionId.startsWith('CEDAW/C/57/D/93/2011'),
      );
    };
    expect(await gaps()).toEqual([]);
    await t.db.write("MATCH (r:Recommendation {id: $id}) SET r.response = 'NOTED'", {
      id: paragraph,
    });
    const [gap] = await gaps();
    expect(gap?.noted.map((r) => r.stableId)).toEqual([paragraph]);
    // The fixture's views do not record their outcome.
    expect(gap?.violationRecorded).toBe(false);
  });

  it('refuses a state that is not an ISO3 code', async () => {
    const response = await t.execute(`{ jurisprudenceGaps(state: "Philippines") { related } }`);
    expect(response.errors?.[0]?.message).toMatch(/ISO 3166 alpha-3/u);
  });
});

async function decisionIdOf(symbolPrefix: string): Promise<string> {
  const [row] = await t.db.read<{ id: string }>(
    "MATCH (d:Decision) WHERE d.id STARTS WITH $prefix AND d.kind = 'VIEWS' RETURN d.id AS id LIMIT 1",
    { prefix: symbolPrefix },
  );
  expect(row).toBeDefined();
  return row!.id;
}

describe('query count', () => {
  it('loads citations and related jurisprudence for a page of 20 in a fixed number of statements', async () => {
    const PAGE = `query ($first: Int!) { recommendations(filter: { mechanisms: ["CEDAW"] }, first: $first) {
      edges { node { stableId citations { reference target { __typename } }
        relatedJurisprudence(first: 3) { score decision { decisionId } } } } } }`;
    const count = async (first: number) => {
      t.queries.length = 0;
      const response = await t.execute<{ recommendations: { edges: unknown[] } }>(PAGE, { first });
      expect(response.errors).toBeUndefined();
      expect(response.data!.recommendations.edges).toHaveLength(first);
      return t.queries.length;
    };
    const five = await count(5);
    const twenty = await count(20);
    // Printed for the docs: `npx vitest run test/integration/jurisprudence/citations-and-related`.
    console.info(`[jurisprudence] Cypher statements for a page of 5: ${five}, of 20: ${twenty}`);
    // The page, its count, citations, related decisions, and at most one per target type (5).
    expect(twenty).toBeLessThanOrEqual(9);
  });
});
