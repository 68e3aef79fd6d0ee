// The schema modules register their types and fields with the builder when imported.
import './agency.schema.ts';
import './action.schema.ts';
import './progress.schema.ts';
import './indicator.schema.ts';
import './assessment.schema.ts';
import './deadline.schema.ts';
import './follow-up-summary.schema.ts';
import './follow-up-report.schema.ts';

export { REPORT_FORMATS, followUpReport, OPERATOR, type ReportFormat } from './follow-up-report.ts';
export { seedDemoFollowUp } from './demo-follow-up.ts';
export { FollowUpActionRef } from './action.schema.ts';
