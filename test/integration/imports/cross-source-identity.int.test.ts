/**
 * The same review (Algeria, UPR cycle 1) from UPR Info and from the Working Group report ends as
 * one set of recommendations whichever file comes first; pledges stay apart.
 */
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../src/features/imports/index.ts';
import { JWT_SECRET } from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';
import { useSourceFiles } from '../../helpers/imports.ts';

const t = useTestApp({ auth: { jwtSecret: JWT_SECRET } });
const { copy, cleanup } = useSourceFiles(t);
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

describe('UPR Info and Working Group report files', () => {
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
});
