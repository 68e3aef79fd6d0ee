/**
 * Importing general comments and recommendations (issue 27, items 1 and 4): real rows from the
 * annotated treaty-body dataset (test/fixtures/jurisprudence/general-comments), read back through
 * GraphQL; bad rows reported with file:line; re-import idempotent.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importGeneralComments } from '../../../src/features/jurisprudence/index.ts';
import type { Db } from '../../../src/db/run.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';
import { uniqueId } from '../../helpers/factories.ts';

const t = useTestApp();
const FIXTURES = path.join(import.meta.dirname, '../../fixtures/jurisprudence/general-comments');
const SAMPLE = path.join(FIXTURES, 'general-comments-sample.csv');
const MALFORMED = path.join(FIXTURES, 'malformed/general-comments-malformed.csv');
const dataset = uniqueId('gc-test');

/** Removes this file's comments, paragraphs and the article nodes only they used. */
async function removeGeneralComments(db: Db, name: string): Promise<void> {
  await db.write(
    `MATCH (g:GeneralComment {dataset: $name})
     OPTIONAL MATCH (g)-[:INTERPRETS]->(a:TreatyArticle)
     OPTIONAL MATCH (g)-[:HAS_PARAGRAPH]->(p:GeneralCommentParagraph)
     WITH collect(DISTINCT a) AS articles, collect(DISTINCT g) AS comments, collect(DISTINCT p) AS paragraphs
     FOREACH (n IN paragraphs | DETACH DELETE n)
     FOREACH (n IN comments | DETACH DELETE n)
     WITH articles UNWIND articles AS a
     WITH a WHERE NOT (a)--()
     DELETE a`,
    { name },
  );
}

afterAll(() => removeGeneralComments(t.db, dataset));

type Comment = {
  reference: string;
  aliases: string[];
  body: string;
  bodies: string[];
  number: number;
  symbol: string | null;
  year: number | null;
  title: string;
  articles: string[];
  paragraphCount: number;
  paragraphs: { id: string; number: number; text: string; concernedGroups: string[] }[];
};

const COMMENT = `query ($id: ID!) { generalComment(id: $id) {
  reference aliases body bodies number symbol year title articles paragraphCount
  paragraphs { id number text concernedGroups }
} }`;

describe('importGeneralComments', () => {
  it('checks the rows and writes nothing on a dry run', async () => {
    const result = await importGeneralComments(t, [SAMPLE], { dryRun: true, dataset });
    // Assert: every row counted as new, nothing written
    expect(result).toMatchObject({
      read: 28,
      created: 28,
      rejected: 0,
      comments: { created: 6, updated: 0, unchanged: 0 },
      written: false,
    });
    const rows = await t.db.read(`MATCH (g:GeneralComment {dataset: $dataset}) RETURN g`, {
      dataset,
    });
    expect(rows).toHaveLength(0);
  });

  it('imports comments with their paragraphs, bodies and articles', async () => {
    const result = await importGeneralComments(t, [SAMPLE], { dataset });
    expect(result).toMatchObject({
      read: 28,
      created: 28,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      duplicates: 0,
      comments: { created: 6 },
      written: true,
    });
    // The source's defects are worked around and said
    const reasons = result.warnings.map((w) => `${path.basename(w.file)}:${w.line}: ${w.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^general-comments-sample\.csv:\d+: CAT\/GC\/3: CAT: the short name says No\. 2/,
        ),
        expect.stringMatching(
          /paragraph 31 again with another text, where 32 is missing: taken as CEDAW\/GR\/31#32/,
        ),
        expect.stringMatching(/no paragraph_id; number 49 read from the start of the text/),
        expect.stringMatching(
          /^GC-info\.json:0: Annotated_CRC-GC18-Harmful\.json .*\(CEDAW\/GR\/31 has the same reference/,
        ),
      ]),
    );

    const gr35 = await t.execute<{ generalComment: Comment }>(COMMENT, { id: 'CEDAW/GR/35' });
    expect(gr35.errors).toBeUndefined();
    expect(gr35.data?.generalComment).toMatchObject({
      reference: 'CEDAW/GR/35',
      aliases: ['CEDAW/GR/35'],
      body: 'CEDAW',
      number: 35,
      symbol: 'CEDAW/C/GC/35',
      year: 2017,
      paragraphCount: 8,
    });
    expect(gr35.data?.generalComment.paragraphs.map((p) => p.id)).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `CEDAW/GR/35#${n}`),
    );
    expect(gr35.data?.generalComment.paragraphs[0]?.concernedGroups).toEqual(['Women/girls']);

    // The joint comment is one node, found by either reference
    const joint = await t.execute<{ generalComment: Comment }>(COMMENT, { id: 'CRC/GC/18' });
    expect(joint.data?.generalComment).toMatchObject({
      reference: 'CEDAW/GR/31',
      aliases: ['CEDAW/GR/31', 'CRC/GC/18'],
      bodies: ['CRC', 'CEDAW'],
      articles: [],
    });
    expect(joint.data?.generalComment.paragraphs.map((p) => p.number)).toEqual([
      1, 2, 29, 30, 31, 32, 33,
    ]);

    const ccpr = await t.execute<{ generalComment: Comment }>(COMMENT, { id: 'CCPR/GC/10' });
    expect(ccpr.data?.generalComment.articles).toEqual(['CCPR-19']);
    const cescr = await t.execute<{ generalComment: Comment }>(COMMENT, { id: 'CESCR/GC/23' });
    expect(cescr.data?.generalComment.paragraphs.map((p) => p.number)).toEqual([48, 49, 50]);
    expect(cescr.data?.generalComment.paragraphs[1]?.text).toMatch(/^Human rights defenders/);

    // Links: BY the bodies, INTERPRETS a TreatyArticle by code
    const links = await t.db.read<{ by: string[]; articles: string[] }>(
      `MATCH (g:GeneralComment {id: 'CEDAW/GR/31'})-[:BY]->(m:Mechanism)
       WITH collect(m.code) AS by
       MATCH (:GeneralComment {id: 'CERD/GR/29'})-[:INTERPRETS]->(a:TreatyArticle)
       RETURN by, collect(a.code) AS articles`,
    );
    expect([...(links[0]?.by ?? [])].sort()).toEqual(['CEDAW', 'CRC']);
    expect(links[0]?.articles).toEqual(['CERD-1-1']);
    const article = await t.db.read(
      `MATCH (a:TreatyArticle {code: 'CERD-1-1'}) RETURN a.instrument AS instrument, a.article AS article, a.paragraph AS paragraph`,
    );
    expect(article).toEqual([{ instrument: 'CERD', article: '1', paragraph: '1' }]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const result = await importGeneralComments(t, [SAMPLE], { dataset });
    expect(result).toMatchObject({
      read: 28,
      created: 0,
      updated: 0,
      unchanged: 28,
      removed: 0,
      comments: { created: 0, updated: 0, unchanged: 6 },
    });
    const counts = await t.db.read<{ comments: number; paragraphs: number }>(
      `MATCH (g:GeneralComment {dataset: $dataset})
       RETURN count(g) AS comments, sum(COUNT { (g)-[:HAS_PARAGRAPH]->() }) AS paragraphs`,
      { dataset },
    );
    expect(counts[0]).toEqual({ comments: 6, paragraphs: 28 });
  });

  it('updates what changed and removes paragraphs a comment no longer has', async () => {
    // Arrange: the sample with one text edited and CCPR GC 10's last paragraph gone
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recgraph-gc-'));
    try {
      const lines = fs.readFileSync(SAMPLE, 'utf8').split('\n');
      const edited = lines
        .filter((l) => !(l.startsWith('Annotated_CCPR_GC10_opinion.json') && l.includes(',4.,')))
        .map((l) =>
          l.startsWith('Annotated_CEDAW-GR35-GBV.json') && l.includes(',8.,')
            ? l.replace(/"?$/, (end) => ` (edited)${end}`)
            : l,
        );
      const file = path.join(dir, 'edited.csv');
      fs.writeFileSync(file, edited.join('\n'));
      fs.copyFileSync(path.join(FIXTURES, 'GC-info.json'), path.join(dir, 'GC-info.json'));

      const result = await importGeneralComments(t, [file], { dataset });
      expect(result).toMatchObject({ read: 27, created: 0, updated: 1, unchanged: 26, removed: 1 });
      const ccpr = await t.execute<{ generalComment: Comment }>(COMMENT, { id: 'CCPR/GC/10' });
      expect(ccpr.data?.generalComment.paragraphs.map((p) => p.number)).toEqual([1, 2, 3]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      // Put the fixture back as it was for the tests after this one
      await importGeneralComments(t, [SAMPLE], { dataset });
    }
  });

  it('rejects malformed rows with file:line and writes a repeated paragraph once', async () => {
    const other = uniqueId('gc-bad');
    try {
      const result = await importGeneralComments(t, [MALFORMED], { dataset: other, dryRun: true });
      // (CEDAW GR 35 is in the graph already, so its two good rows count as updates)
      expect(result).toMatchObject({ read: 6, rejected: 3, duplicates: 1, written: false });
      expect(result.created + result.updated + result.unchanged).toBe(2);
      expect(
        result.rejections.map((r) => `${path.basename(r.file)}:${r.line}: ${r.reason}`),
      ).toEqual([
        'general-comments-malformed.csv:5: paragraph_id "three" is not a paragraph number',
        'general-comments-malformed.csv:6: unknown committee "WHO" (known: CCPR, CESCR, CRC, CAT, CRPD, CMW, CED, CEDAW, CERD)',
        'general-comments-malformed.csv:7: empty text',
      ]);
      expect(result.warnings.map((w) => `${w.line}: ${w.reason}`)).toContain(
        '4: repeats CEDAW/GR/35#2 of line 3; written once',
      );
    } finally {
      await removeGeneralComments(t.db, other);
    }
  });

  it('reports a file without the columns of the layout', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recgraph-gc-'));
    try {
      const file = path.join(dir, 'wrong.csv');
      fs.writeFileSync(file, 'symbol,text\nCEDAW/C/GC/35,Some text\n');
      const result = await importGeneralComments(t, [file], { dataset, dryRun: true });
      expect(result.rejections.map((r) => `${r.line}: ${r.reason}`)).toEqual([
        expect.stringMatching(/^1: missing columns committee, short_name/),
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
