/**
 * The committee's report of the demo Slovenia follow-up, as Markdown, CSV and XLSX, through the
 * API and the CLI; anonymous readers get the public version.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { exportFollowUpCommand } from '../../../src/cli/follow-up.ts';
import { useFollowUps } from '../../helpers/follow-ups.ts';

const { t, headers, scopeDir } = useFollowUps();

describe("the committee's report", () => {
  it('exports the demo Slovenia follow-up as Markdown, CSV and XLSX (API and CLI)', async () => {
    const query = `query ($f: ReportFormat!) { followUpReport(state: "svn", format: $f) {
      filename contentType encoding content } }`;
    type Report = { followUpReport: { filename: string; encoding: string; content: string } };
    const md = (await t.execute<Report>(query, { f: 'MD' }, headers.ANALYST)).data!.followUpReport;
    expect(md.filename).toMatch(/^follow-up-SVN-\d{4}-\d{2}-\d{2}\.md$/);
    expect(md.content).toContain("Guarantee the Human Rights Ombudsman's financial independence");
    expect(md.content).toContain('## Cluster 1:');
    expect(md.content).toContain('Amendment in inter-ministerial consultation.');
    // Anonymous readers get the public report, without the progress notes.
    const publicMd = (await t.execute<Report>(query, { f: 'MD' })).data!.followUpReport;
    expect(publicMd.content).toContain('Progress notes are not shown');
    expect(publicMd.content).not.toContain('Amendment in inter-ministerial consultation.');

    const csv = (await t.execute<Report>(query, { f: 'CSV' }, headers.ANALYST)).data!
      .followUpReport;
    const rows = parse<{
      recommendation_id: string;
      actions: string;
      agencies: string;
    }>(csv.content, { columns: true });
    const [count] = await t.db.read<{ n: number }>(
      "MATCH (r:Recommendation {state: 'SVN'}) RETURN count(r) AS n",
    );
    expect(rows).toHaveLength(count!.n);
    const ombudsman = rows.find((r) => r.recommendation_id === 'A/HRC/59/15#140.18')!;
    expect(ombudsman.actions).toMatch(
      /Ombudsman's financial independence \(IN_PROGRESS, due 2027-06-30\)/,
    );
    expect(ombudsman.agencies).toBe('Human Rights Ombudsman; Ministry of Finance');

    const xlsx = (await t.execute<Report>(query, { f: 'XLSX' }, headers.ANALYST)).data!
      .followUpReport;
    expect(xlsx.encoding).toBe('base64');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.content, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('Recommendation');
    expect(sheet.rowCount).toBe(count!.n + 1);

    const out = `${scopeDir()}/report.csv`;
    await exportFollowUpCommand(t.db, { state: 'SVN', format: 'csv', out });
    expect(parse<unknown>(fs.readFileSync(out, 'utf8'), { columns: true }).length).toBe(count!.n);
  });
});
