export { REPORT_FORMATS, followUpReport, OPERATOR, type ReportFormat } from './follow-up-report.ts';
export { seedDemoFollowUp } from './demo-follow-up.ts';
export { FollowUpActionRef } from './follow-up.schema.ts';
