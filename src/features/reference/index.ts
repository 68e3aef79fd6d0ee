export { referenceDataMigration } from './reference.migration.ts';
export {
  readReferenceData,
  readUprCycles,
  readUprInfoIssueMap,
  readUprSessions,
  type MappedTheme,
  type UprCycle,
  type UprSession,
} from './reference-data.ts';
