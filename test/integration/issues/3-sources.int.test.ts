/**
 * Issue 3 (second part): the real source formats on the real Neo4j. The same review (Algeria,
 * UPR cycle 1) from UPR Info and from the Working Group report ends as one set of
 * recommendations whichever file comes first; what the exact identity cannot join is linked by
 * SAME_AS; pledges stay apart; MacRoman files read with --encoding macroman; UHRI exports in JSON
 * and XLSX.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../../src/auth/viewer.ts';
import { matchCrossSource, runImport } from '../../../src/features/imports/index.ts';
import { createTestApp, type TestApp } from '../../helpers/create-test-app.ts';
import { uniqueId } from '../../helpers/factories.ts';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures');
let t: TestApp;
let dir: string;
const JWT_SECRET = 'a-test-secret-of-at-least-32-characters';
const RUN = uniqueId('src-');

beforeAll(() => {
  t = createTestApp({ auth: { jwtSecret: JWT_SECRET } });
});
afterAll(async () => {
  await t.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of a fixture under a name unique to this run (datasets are named after files). */
function copy(fixture: string, content?: Buffer | string): string {
  dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'recgraph-sources-'));
  const file = path.join(dir, `${uniqueId('f')}-${fixture}`);
  fs.writeFileSync(file, content ?? fs.readFileSync(path.join(FIXTURES, fixture)));
  return file;
}

/** Everything these tests create: Algeria's cycle-1 UPR data and the UHRI test annotations. */
async function cleanup(): Promise<void> {
  await t.db.write(
    `MATCH (r:Recommendation) WHERE r.id STARTS WITH 'UPR/DZA/c1#' OR r.id STARTS WITH 'UHRITEST'
     OPTIONAL MATCH (r)-[:FROM_SOURCE]->(s)
     DETACH DELETE r, s`,
  );
  await t.db.write(
    `MATCH (p:Pledge) WHERE p.id STARTS WITH 'UPR-PLEDGE/DZA/c1#'
     OPTIONAL MATCH (p)-[:FROM_SOURCE]->(s)
     DETACH DELETE p, s`,
  );
  await t.db.write(`MATCH (d:Document) WHERE d.symbol STARTS WITH 'UHRITEST' DETACH DELETE d`);
}
afterEach(cleanup);

type Snapshot = {
  id: string;
  paragraph: string | null;
  response: string | null;
  text: string;
  recommending: string[];
  sources: number;
  themes: string[];
};

async function algeria(): Promise<Snapshot[]> {
  return t.db.read<Snapshot>(
    `MATCH (r:Recommendation) WHERE r.id STARTS WITH 'UPR/DZA/c1#'
     RETURN r.id AS id, r.paragraph AS paragraph, r.response AS response, r.text AS text,
            COLLECT { MATCH (r)-[:RECOMMENDED_BY]->(s) RETURN s.iso3 ORDER BY s.iso3 } AS recommending,
            COUNT { (r)-[:FROM_SOURCE]->() } AS sources,
            COLLECT { MATCH (r)-[:HAS_THEME]->(t) RETURN t.scheme + ':' + t.code ORDER BY t.scheme, t.code } AS themes
     ORDER BY id`,
  );
}

describe('issue 3: UPR Info and Working Group report files', () => {
  it('join the same recommendation from both sources into one, whichever comes first', async () => {
    const info = copy('upr-info-sample.csv');
    const report = copy('upr-report-sample.csv');

    const first = await runImport(t, { files: [info] });
    expect(first).toMatchObject({
      read: 9,
      created: 7, // six recommendations and the pledge
      joined: 1, // the CRPD recommendation's second recommending state (a row per state)
      pledges: 1,
      rejected: 1,
      warnings: 1,
    });
    const second = await runImport(t, { files: [report] });
    expect(second).toMatchObject({ read: 6, created: 2, joined: 2, rejected: 2 });
    expect(second.rejections.map((r) => r.reason)).toEqual([
      'unknown state under review "Korea"',
      'empty text',
    ]);

    const graph = await algeria();
    expect(graph).toHaveLength(8);
    const roundTable = graph.find((r) => r.paragraph === '69.1')!;
    expect(roundTable).toMatchObject({ response: 'SUPPORTED', recommending: ['KWT'], sources: 2 });
    expect(roundTable.themes).toEqual([
      'UHRI_LEGACY:A12',
      'UPR_INFO:international-instruments',
      'UPR_INFO:justice',
    ]);
    // UPR Info's final "Accepted" stands; the report's "consider" does not erase it.
    expect(graph.find((r) => r.paragraph === '69.4')).toMatchObject({
      text: 'To accede to the Convention on the Rights of Persons with Disabilities',
      response: 'SUPPORTED',
      recommending: ['CHL', 'MEX'],
      sources: 3,
    });
    const pledges = await t.db.read<{ text: string; state: string }>(
      `MATCH (p:Pledge)-[:PLEDGED_BY]->(s:State) WHERE p.id STARTS WITH 'UPR-PLEDGE/DZA/c1#'
       RETURN p.text AS text, s.iso3 AS state`,
    );
    expect(pledges).toEqual([
      { text: 'Algeria will submit its overdue reports to the treaty bodies.', state: 'DZA' },
    ]);
    // ... and the API shows them on the state, not among its recommendations.
    const api = await t.execute<{
      state: { pledges: { text: string; cycle: number; sources: { actionCategory: number }[] }[] };
    }>('{ state(iso3: "DZA") { pledges { text cycle sources { actionCategory } } } }');
    expect(api.errors).toBeUndefined();
    expect(api.data!.state.pledges).toEqual([
      {
        text: 'Algeria will submit its overdue reports to the treaty bodies.',
        cycle: 1,
        sources: [{ actionCategory: 4 }],
      },
    ]);

    // Each source row keeps what only that source says: UPR Info's action category, the
    // report's note.
    const sources = await t.execute<{
      a: { sources: { actionCategory: number | null; notes: string | null }[] };
      b: { sources: { actionCategory: number | null; notes: string | null }[] };
    }>(
      `query ($a: ID!, $b: ID!) {
         a: recommendation(id: $a) { sources { actionCategory notes } }
         b: recommendation(id: $b) { sources { actionCategory notes } }
       }`,
      {
        a: graph.find((r) => r.paragraph === '69.1')!.id,
        b: graph.find((r) => r.paragraph === '69.6')!.id,
      },
    );
    expect(sources.errors).toBeUndefined();
    expect(sources.data!.a.sources).toEqual(
      expect.arrayContaining([{ actionCategory: 2, notes: null }]),
    );
    expect(sources.data!.b.sources).toEqual(
      expect.arrayContaining([
        {
          actionCategory: null,
          notes: 'The recommendation above did not enjoy the support of Algeria.',
        },
      ]),
    );

    // Re-importing either file changes nothing, and so does not match again either.
    for (const file of [info, report]) {
      const again = await runImport(t, { files: [file] });
      expect(again).toMatchObject({ created: 0, updated: 0, joined: 0 });
      expect(again.crossSource).toBeUndefined();
    }

    // The other order gives the same graph.
    await cleanup();
    await runImport(t, { files: [copy('upr-report-sample.csv')] });
    await runImport(t, { files: [copy('upr-info-sample.csv')] });
    // (The report's wording wins in both orders: UPR Info's only fills a gap.)
    expect(await algeria()).toEqual(graph);
  });

  it('links by SAME_AS what the wording alone cannot join, inside its review and recommending state', async () => {
    const imported = await runImport(t, {
      files: [copy('upr-info-sample.csv'), copy('upr-report-sample.csv')],
    });
    // An import of UPR files ends by matching (the summary says what it found) ...
    expect(imported.crossSource).toEqual({ compared: 4, linked: 3 });
    // ... and matching can run on its own.
    const result = await matchCrossSource(t);
    const links = await t.db.read<{ from: string; to: string; status: string; method: string }>(
      `MATCH (a:Recommendation)-[s:SAME_AS]->(b:Recommendation) WHERE a.id STARTS WITH 'UPR/DZA/c1#'
       RETURN a.text AS from, b.text AS to, s.status AS status, s.method AS method ORDER BY from`,
    );
    expect(links).toEqual([
      {
        from: 'Continue a dialogue with minority religions',
        to: 'That Algeria continue a dialogue with minority religions',
        status: 'SUGGESTED',
        method: 'block-token-overlap',
      },
      {
        from: 'Review domestic legislation to criminalize domestic violence.',
        to: expect.stringMatching(
          /^That Algeria take measures for the prevention of torture/,
        ) as unknown,
        status: 'SUGGESTED',
        method: 'block-token-overlap',
      },
      {
        from: 'Take measures for the prevention of torture and other cruel, inhuman and degrading treatment.',
        to: expect.stringMatching(
          /^That Algeria take measures for the prevention of torture/,
        ) as unknown,
        status: 'SUGGESTED',
        method: 'block-token-overlap',
      },
    ]);
    // "Strengthen the independence of the judiciary" has no counterpart: decided, not linked.
    expect(result.decisions.filter((d) => d.from.startsWith('UPR/DZA/c1#'))).toHaveLength(4);
    // Both ends show the link through GraphQL, with its evidence.
    const [religions] = await t.db.read<{ id: string }>(
      `MATCH (r:Recommendation) WHERE r.id STARTS WITH 'UPR/DZA/c1#' AND r.text STARTS WITH 'Continue a dialogue'
       RETURN r.id AS id`,
    );
    const response = await t.execute<{
      recommendation: {
        sameAs: {
          status: string;
          score: number;
          sharedTerms: string[];
          recommendation: {
            text: string;
            paragraph: string;
            sameAs: { recommendation: { stableId: string } }[];
          };
        }[];
      };
    }>(
      `query ($id: ID!) { recommendation(id: $id) { sameAs { status score sharedTerms
         recommendation { text paragraph sameAs { recommendation { stableId } } } } } }`,
      { id: religions!.id },
    );
    expect(response.errors).toBeUndefined();
    const [link] = response.data!.recommendation.sameAs;
    expect(link).toMatchObject({
      status: 'SUGGESTED',
      recommendation: {
        paragraph: '69.6',
        sameAs: [{ recommendation: { stableId: religions!.id } }],
      },
    });
    expect(link!.sharedTerms).toEqual(
      expect.arrayContaining(['dialogue', 'minority', 'religions']),
    );
    expect(link!.score).toBeGreaterThan(0.8);

    // Running it again changes nothing.
    await matchCrossSource(t);
    const [linked] = await t.db.read<{ count: number }>(
      `MATCH (a:Recommendation)-[s:SAME_AS]->() WHERE a.id STARTS WITH 'UPR/DZA/c1#' RETURN count(s) AS count`,
    );
    expect(linked?.count).toBe(3);

    // A reviewer rejects the link; anonymous callers may not; matching again keeps the decision,
    // and the audit trail has the one decision.
    const review = `mutation ($a: ID!, $b: ID!, $note: String) {
      reviewSameAs(recommendationId: $a, otherId: $b, decision: REJECTED, note: $note) {
        __typename ... on Error { message } ... on SameAsLink { status reviewedBy reviewNote } } }`;
    const other = link!.recommendation.paragraph;
    const [otherId] = await t.db.read<{ id: string }>(
      `MATCH (r:Recommendation {paragraph: $p}) WHERE r.id STARTS WITH 'UPR/DZA/c1#' RETURN r.id AS id`,
      { p: other },
    );
    const vars = { a: `Recommendation:${otherId!.id}`, b: religions!.id, note: 'different asks' };
    type Review = { reviewSameAs: { __typename: string; status?: string; reviewedBy?: string } };
    const anonymous = await t.execute<Review>(review, vars);
    expect(anonymous.data!.reviewSameAs.__typename).toBe('ForbiddenError');
    const token = await signToken({
      secret: JWT_SECRET,
      role: 'REVIEWER',
      name: `${RUN}-reviewer`,
    });
    const reviewer = { authorization: `Bearer ${token}` };
    const decided = await t.execute<Review>(review, vars, reviewer);
    expect(decided.data!.reviewSameAs).toEqual({
      __typename: 'SameAsLink',
      status: 'REJECTED',
      reviewedBy: `${RUN}-reviewer`,
      reviewNote: 'different asks',
    });
    const missing = await t.execute<Review>(review, { ...vars, b: 'UPR/DZA/c1#no-such' }, reviewer);
    expect(missing.data!.reviewSameAs.__typename).toBe('NotFoundError');
    await matchCrossSource(t);
    const [kept] = await t.db.read<{ status: string }>(
      `MATCH (:Recommendation {id: $a})-[s:SAME_AS]-(:Recommendation {id: $b}) RETURN s.status AS status`,
      { a: otherId!.id, b: religions!.id },
    );
    expect(kept?.status).toBe('REJECTED');
    const trail = await t.execute<{ auditTrail: { operation: string; actor: string }[] }>(
      'query ($id: ID!) { auditTrail(entityId: $id) { operation actor } }',
      { id: JSON.stringify([otherId!.id, religions!.id].sort()) },
      reviewer,
    );
    expect(trail.data!.auditTrail).toEqual([
      { operation: 'REVIEW_SAME_AS', actor: `${RUN}-reviewer` },
    ]);
    await t.db.write('MATCH (e:AuditEvent) WHERE e.actor = $actor DELETE e', {
      actor: `${RUN}-reviewer`,
    });
  });

  it('reads a whole MacRoman file with CR line ends when told, and says so when not', async () => {
    const mac = new TextDecoder('macintosh');
    const toMacRoman = new Map<string, number>();
    for (let byte = 0; byte < 256; byte++) toMacRoman.set(mac.decode(Uint8Array.of(byte)), byte);
    const text = fs
      .readFileSync(path.join(FIXTURES, 'upr-info-sample.csv'), 'utf8')
      .replace(
        'Continue a dialogue with minority religions',
        'Continue a dialogue with minority religions – “all” of them',
      )
      .replace(/\n/g, '\r');
    const bytes = Buffer.from([...text].map((ch) => toMacRoman.get(ch) ?? 0x3f));
    const file = copy('upr-info-macroman.csv', bytes);

    const wrong = await runImport(t, { files: [file], dryRun: true });
    expect(wrong.rejections[0]?.reason).toMatch(/--encoding macroman/);

    const right = await runImport(t, { files: [file], encoding: 'macroman' });
    expect(right).toMatchObject({ read: 9, rejected: 1, created: 7 });
    const [row] = await t.db.read<{ text: string }>(
      `MATCH (r:Recommendation) WHERE r.id STARTS WITH 'UPR/DZA/c1#' AND r.text CONTAINS 'religions'
       RETURN r.text AS text`,
    );
    expect(row!.text).toBe('Continue a dialogue with minority religions – “all” of them');
  });
});

describe('issue 3: UHRI exports', () => {
  const annotations = (suffix: string) => [
    {
      AnnotationId: `UHRITEST-${suffix}-1`,
      AnnotationType: 'Recommendation',
      Symbol: `UHRITEST/C/MEX/CO/${suffix}`,
      Text: '24. (b) Ensure that all forms of gender-based violence against women are criminalized.',
      Body: 'Committee on the Elimination of Discrimination against Women',
      Countries: ['Mexico'],
      Themes: ['F13 Violence against women'],
      AffectedPersons: ['Women & girls'],
      Sdgs: ['5.2 Violence against women and girls', '16 Peace, justice and strong institutions'],
      PublicationDate: '2018-07-25T00:00:00',
    },
    {
      AnnotationId: `UHRITEST-${suffix}-2`,
      AnnotationType: 'Concerns/Observations',
      Symbol: `UHRITEST/C/MEX/CO/${suffix}`,
      Text: 'The Committee is concerned about the persistent patterns of violence.',
      Body: 'CEDAW',
      Countries: ['Mexico'],
    },
    {
      AnnotationId: `UHRITEST-${suffix}-3`,
      AnnotationType: 'Recommendation',
      Symbol: `UHRITEST/HRC/${suffix}/10`,
      Text: '128.26 Ratify the Optional Protocol to the Convention against Torture',
      Body: 'UPR',
      Countries: ['Guatemala', 'Honduras'],
      UprCycle: '3',
      UprSession: '31',
      UprPositions: 'Supported',
      UprRecommendingCountry: ['Spain', 'Atlantis'],
    },
    {
      AnnotationId: `UHRITEST-${suffix}-4`,
      AnnotationType: 'Recommendation',
      Symbol: `UHRITEST/C/XX/CO/${suffix}`,
      Text: 'Adopt a law.',
      Body: 'CEDAW',
      Countries: ['Narnia'],
    },
  ];

  const expectImported = async (suffix: string) => {
    const rows = await t.db.read<Record<string, unknown>>(
      `MATCH (r:Recommendation) WHERE r.documentSymbol STARTS WITH 'UHRITEST' AND r.documentSymbol ENDS WITH $suffix
          OR r.documentSymbol = 'UHRITEST/HRC/' + $suffix + '/10'
       RETURN r.id AS id, r.mechanism AS mechanism, r.state AS state, r.paragraph AS paragraph,
              toString(r.date) AS date, r.response AS response, r.cycle AS cycle,
              COLLECT { MATCH (r)-[:SUPPORTS_SDG]->(g) RETURN g.code ORDER BY g.code } AS sdgs,
              COLLECT { MATCH (r)-[:HAS_THEME]->(t) RETURN t.code } AS themes,
              COLLECT { MATCH (r)-[:RECOMMENDED_BY]->(s) RETURN s.iso3 } AS recommending
       ORDER BY id`,
      { suffix },
    );
    expect(rows).toEqual([
      {
        id: `UHRITEST/C/MEX/CO/${suffix}#24(b)`,
        mechanism: 'CEDAW',
        state: 'MEX',
        paragraph: '24(b)',
        date: '2018-07-25',
        response: null,
        cycle: null,
        sdgs: ['16', '5.2'],
        themes: ['F13'],
        recommending: [],
      },
      ...['GTM', 'HND'].map((state) => ({
        id: `UHRITEST/HRC/${suffix}/10#128.26@${state}`,
        mechanism: 'UPR',
        state,
        paragraph: '128.26',
        date: null,
        response: 'SUPPORTED',
        cycle: 3,
        sdgs: [],
        themes: [],
        recommending: ['ESP'],
      })),
    ]);
  };

  it('reads the JSON export: one recommendation per country, concerns skipped, bodies by name', async () => {
    const suffix = uniqueId('j').replace(/\W/g, '');
    const file = copy('uhri.json', JSON.stringify(annotations(suffix), null, 1));
    const summary = await runImport(t, { files: [file] });
    expect(summary).toMatchObject({ read: 5, created: 3, skipped: 1, rejected: 1, warnings: 2 });
    expect(summary.files[0]!.format).toBe('uhri');
    expect(summary.rejections[0]).toMatchObject({ line: 4, reason: 'unknown state "Narnia"' });
    await expectImported(suffix);
  });

  it('reads the XLSX export: "- " multi-values, Excel serial dates, OHCHR column names', async () => {
    const suffix = uniqueId('x').replace(/\W/g, '');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Export');
    const columns = [
      'Text',
      'Countries Concerned',
      'Reccomending Body',
      'Document Symbol',
      'Themes',
      'Affected Persons',
      'Sdgs',
      'Document Publication Date',
      'UPR Reccomending States',
      'UPR Position',
      'Type',
      'OHCHR Annotation Id',
      'UPR Session',
      'Regions Concerned',
      'Recommending Regions',
      'Date of publication on UHRI',
    ];
    sheet.addRow(columns);
    const list = (values: readonly string[] = []) => values.map((v) => `- ${v}`).join('\n');
    for (const a of annotations(suffix)) {
      sheet.addRow([
        a.Text,
        list(a.Countries),
        a.Body,
        a.Symbol,
        list(a.Themes),
        list(a.AffectedPersons),
        list(a.Sdgs),
        a.PublicationDate ? 43306 : null,
        list(a.UprRecommendingCountry),
        a.UprPositions ?? '',
        `- ${a.AnnotationType === 'Recommendation' ? 'Recommendations' : a.AnnotationType}`,
        a.AnnotationId,
        a.UprSession ?? '',
        '',
        '',
        45000,
      ]);
    }
    const file = copy('uhri-export.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    const summary = await runImport(t, { files: [file] });
    expect(summary).toMatchObject({ read: 5, created: 3, skipped: 1, rejected: 1 });
    expect(summary.rejections[0]).toMatchObject({ line: 5, reason: 'unknown state "Narnia"' });
    await expectImported(suffix);
  });
});
