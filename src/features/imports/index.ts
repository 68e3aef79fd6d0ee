// The GraphQL fields of imported documents (Recommendation.context, Document.paragraphs, …).
import './documents/document.schema.ts';

export { DEMO_FILE, ensureDemoData, loadDemoData } from './demo-data.ts';
export { FORMAT_NAMES, readRows, resolveFormat, type FormatName } from './formats.ts';
export {
  importContext,
  runImport,
  type ImportCounts,
  type ImportSummary,
  type Rejection,
} from './import.service.ts';
export { recommendationJsonSchema } from './ndjson.ts';
export type { RecommendationRecord } from './recommendation-record.ts';
export { exportNdjson } from './export.service.ts';
export { ENCODINGS, type Encoding } from './readers.ts';
export { textKeyMigration } from './text-key.migration.ts';
export { isMatch, matchCrossSource, type CrossSourceResult } from './cross-source.ts';
export { parseUprText } from './identity.ts';
export {
  documentKey,
  importDocuments,
  recommendingStatesOf,
  type DocumentImportSummary,
  type DocumentResult,
} from './documents/document-import.service.ts';
export { classifyDocument, type ClassifiedUnit } from './documents/classify.ts';
export { documentInputs, type DocumentOptions } from './documents/document-files.ts';
export { readCladem } from './documents/cladem.ts';
export { SYMBOL_IN_TEXT, normaliseSymbol } from './documents/symbols.ts';
