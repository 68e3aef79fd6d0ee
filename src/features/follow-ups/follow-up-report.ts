/**
 * The committee's document: a state's recommendations grouped by overlap cluster (so that one
 * answer serves a group), each with its next deadline and the actions addressing it, their
 * agencies, status and latest progress. Written as CSV, Markdown or XLSX.
 */
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { canSeeInternal, type Viewer } from '../../auth/viewer.ts';
import type { Context } from '../../graphql/context.ts';
import { deadlinesOf, nextDeadline, todayUtc } from './deadlines.ts';
import { requireKnownState } from './follow-up-checks.ts';
import * as repository from './follow-up.repository.ts';
import { followUpSummary } from './follow-up-summary.service.ts';

export const REPORT_FORMATS = ['csv', 'md', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface Report {
  readonly filename: string;
  readonly contentType: string;
  /** Text for csv and md; the workbook's bytes for xlsx. */
  readonly body: string | Buffer;
}

interface Line {
  readonly group: string;
  readonly recommendation: repository.ReportRow['recommendation'];
  readonly nextDeadline: string;
  readonly deadlineKind: string;
  readonly actions: string;
  readonly agencies: string;
  readonly latestProgress: string;
}

interface Group {
  readonly title: string;
  readonly lines: Line[];
}

const COLUMNS = [
  ['group', 'Group'],
  ['recommendation_id', 'Recommendation'],
  ['mechanism', 'Mechanism'],
  ['year', 'Year'],
  ['cycle', 'Cycle'],
  ['response', 'Response'],
  ['text', 'Text'],
  ['next_deadline', 'Next deadline'],
  ['deadline_kind', 'Deadline'],
  ['actions', 'Actions (status, due)'],
  ['agencies', 'Agencies'],
  ['latest_progress', 'Latest progress'],
] as const;

const cells = (line: Line) => [
  line.group,
  line.recommendation.id,
  line.recommendation.mechanism,
  line.recommendation.year ?? '',
  line.recommendation.cycle ?? '',
  line.recommendation.response ?? '',
  line.recommendation.text,
  line.nextDeadline,
  line.deadlineKind,
  line.actions,
  line.agencies,
  line.latestProgress,
];

function years(first: number | null, last: number | null): string {
  if (first === null) return '';
  return first === last || last === null ? `${first}` : `${first}-${last}`;
}

/** Groups rows: clusters spanning the most mechanisms first, then the largest; then the rest. */
function groupRows(rows: readonly repository.ReportRow[], internal: boolean, today: string) {
  const clusters = new Map<
    string,
    { cluster: NonNullable<repository.ReportRow['cluster']>; rows: repository.ReportRow[] }
  >();
  const alone: repository.ReportRow[] = [];
  for (const row of rows) {
    if (!row.cluster) {
      alone.push(row);
      continue;
    }
    const entry = clusters.get(row.cluster.id) ?? { cluster: row.cluster, rows: [] };
    entry.rows.push(row);
    clusters.set(row.cluster.id, entry);
  }
  const ordered = [...clusters.values()].sort(
    (a, b) =>
      b.cluster.mechanismCount - a.cluster.mechanismCount ||
      b.cluster.size - a.cluster.size ||
      a.cluster.id.localeCompare(b.cluster.id),
  );
  const line = (group: string, row: repository.ReportRow): Line => {
    const r = row.recommendation;
    const next = nextDeadline(
      deadlinesOf({ mechanism: r.mechanism, date: r.date, year: r.year }),
      today,
    );
    const latest = row.actions
      .map((a) => a.latest)
      .filter((p): p is NonNullable<typeof p> => p !== null)
      .sort((a, b) => b.date.localeCompare(a.date))[0];
    return {
      group,
      recommendation: r,
      nextDeadline: next?.dueDate ?? '',
      deadlineKind: next ? `${next.mechanism} ${next.kind}` : '',
      actions: row.actions
        .map((a) => `${a.title} (${a.status}${a.dueDate ? `, due ${a.dueDate}` : ''})`)
        .join('; '),
      agencies: [...new Set(row.actions.flatMap((a) => a.agencies))].sort().join('; '),
      latestProgress: internal && latest ? `${latest.date}: ${latest.note}` : '',
    };
  };
  const groups: Group[] = ordered.map((entry, i) => {
    const c = entry.cluster;
    const title = `Cluster ${i + 1}: ${c.size} recommendations, ${c.mechanisms.join(', ')}, ${years(c.firstYear, c.lastYear)}`;
    return { title, lines: entry.rows.map((row) => line(title, row)) };
  });
  if (alone.length) {
    const title = 'Not in an overlap cluster';
    groups.push({ title, lines: alone.map((row) => line(title, row)) });
  }
  return groups;
}

const mdCell = (value: string | number) =>
  String(value)
    .replace(/\|/gu, '\\|')
    .replace(/\s*\n\s*/gu, ' ');

/**
 * Builds the report of one state. Progress notes are internal: they are included only when the
 * viewer may read the state's internal follow-up.
 */
export async function followUpReport(
  ctx: Pick<Context, 'db' | 'viewer'>,
  state: string,
  format: ReportFormat,
): Promise<Report> {
  const today = todayUtc();
  const internal = canSeeInternal(ctx.viewer, state);
  const [rows, summary] = await Promise.all([
    repository.findReportRows(ctx, state),
    followUpSummary(ctx, state),
    requireKnownState(ctx, state),
  ]);
  const groups = groupRows(rows, internal, today);
  const lines = groups.flatMap((g) => g.lines);
  const filename = `follow-up-${state}-${today}.${format}`;
  if (format === 'csv') {
    const body = stringify([COLUMNS.map(([key]) => key), ...lines.map(cells)]);
    return { filename, contentType: 'text/csv; charset=utf-8', body };
  }
  if (format === 'md') {
    const out = [
      `# Follow-up of the recommendations to ${state}`,
      '',
      `Generated ${today} by recgraph. ${summary.recommendations} recommendations, ${summary.actions} actions` +
        ` (${summary.byStatus.map((b) => `${b.count} ${b.status}`).join(', ') || 'none'}), ${summary.overdue} overdue;` +
        ` ${(summary.coverage * 100).toFixed(1)}% of the recommendations have an action.` +
        (internal ? '' : ' Progress notes are not shown to this viewer.'),
      '',
      'Recommendations are grouped by overlap cluster: answering one largely answers the others.',
    ];
    for (const group of groups) {
      const addressed = group.lines.filter((l) => l.actions !== '').length;
      out.push('', `## ${group.title}`, '');
      out.push(`${addressed} of ${group.lines.length} with an action.`, '');
      out.push(
        `| ${COLUMNS.slice(1)
          .map(([, label]) => label)
          .join(' | ')} |`,
      );
      out.push(
        `|${COLUMNS.slice(1)
          .map(() => '---')
          .join('|')}|`,
      );
      for (const line of group.lines)
        out.push(`| ${cells(line).slice(1).map(mdCell).join(' | ')} |`);
    }
    return { filename, contentType: 'text/markdown; charset=utf-8', body: `${out.join('\n')}\n` };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'recgraph';
  const sheet = workbook.addWorksheet(`Follow-up ${state}`, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = COLUMNS.map(([key, header]) => ({
    key,
    header,
    width: key === 'text' ? 80 : key === 'actions' || key === 'group' ? 40 : 16,
  }));
  sheet.getRow(1).font = { bold: true };
  for (const line of lines) sheet.addRow(cells(line));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    filename,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body,
  };
}

/** The viewer the CLI acts as: the operator of the database reads everything. */
export const OPERATOR: Viewer = Object.freeze({ role: 'ADMIN', name: 'cli', states: [] });
