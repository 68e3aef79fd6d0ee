/**
 * UHRI exports in JSON and XLSX: one recommendation per country, concerns skipped, bodies by
 * name, the export's own multi-values and dates.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../src/features/imports/index.ts';
import { JWT_SECRET } from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';
import { useSourceFiles } from '../../helpers/imports.ts';
import { uniqueId } from '../../helpers/factories.ts';

const t = useTestApp({ auth: { jwtSecret: JWT_SECRET } });
const { copy } = useSourceFiles(t);

describe('UHRI exports', () => {
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
