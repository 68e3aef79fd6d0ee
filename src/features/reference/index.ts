export { referenceDataMigration } from './reference.migration.ts';
export { readReferenceData, readUprSessions, type UprSession } from './reference-data.ts';
