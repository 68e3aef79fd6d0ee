export { referenceDataMigration, referenceDataReloadMigration } from './reference.migration.ts';
export {
  readReferenceData,
  readUprCycles,
  readUprInfoIssueMap,
  readUprSessions,
  type MappedTheme,
  type UprCycle,
  type UprSession,
} from './reference-data.ts';
export {
  importRatifications,
  RatificationImportError,
  type RatificationCounts,
  type RatificationFileSummary,
  type RatificationImportOptions,
  type RatificationImportResult,
  type RatificationProblem,
} from './ratification-import.ts';
