import { builder } from '../../graphql/builder.ts';
import { iso3Arg } from '../states/index.ts';
import { followUpReport } from './follow-up-report.ts';

const Iso3 = iso3Arg('state');

const ReportFormatEnum = builder.enumType('ReportFormat', {
  values: {
    CSV: { value: 'csv' },
    MD: { value: 'md', description: 'Markdown' },
    XLSX: { value: 'xlsx', description: 'An Excel workbook, base64-encoded in `content`' },
  } as const,
});

const FollowUpReportRef = builder
  .objectRef<{ filename: string; contentType: string; body: string | Buffer }>('FollowUpReport')
  .implement({
    description: "A state's follow-up report, as `recgraph export followup` writes it.",
    fields: (t) => ({
      filename: t.exposeString('filename'),
      contentType: t.exposeString('contentType'),
      encoding: t.string({
        description: '"utf-8" for CSV and Markdown, "base64" for XLSX.',
        resolve: (r) => (typeof r.body === 'string' ? 'utf-8' : 'base64'),
      }),
      content: t.string({
        resolve: (r) => (typeof r.body === 'string' ? r.body : r.body.toString('base64')),
      }),
    }),
  });

builder.queryFields((t) => ({
  followUpReport: t.field({
    type: FollowUpReportRef,
    description:
      "The committee's document: the state's recommendations grouped by overlap cluster, with actions, agencies, status, deadlines and (for viewers who may read them) the latest progress notes.",
    args: {
      state: t.arg.string({ required: true, validate: Iso3 }),
      format: t.arg({ type: ReportFormatEnum, required: true }),
    },
    resolve: (_root, { state, format }, ctx) => followUpReport(ctx, state.toUpperCase(), format),
  }),
}));
