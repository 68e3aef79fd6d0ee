/** A format context built from the reference tables alone, for reader tests without a database. */
import type { FormatContext } from '../../src/features/imports/formats.ts';
import {
  readReferenceData,
  readUprCycles,
  readUprInfoIssueMap,
  readUprSessions,
} from '../../src/features/reference/index.ts';
import { nameKey, StateNameIndex } from '../../src/features/states/index.ts';

export function referenceFormatContext(overrides: Partial<FormatContext> = {}): FormatContext {
  const data = readReferenceData();
  const mechanismsByName = new Map<string, string>();
  for (const m of data.mechanisms) {
    mechanismsByName.set(nameKey(m.code), m.code);
    mechanismsByName.set(nameKey(m.name), m.code);
  }
  return {
    names: new StateNameIndex(data.states),
    sessions: readUprSessions(),
    cycles: readUprCycles(),
    uprInfoIssues: readUprInfoIssueMap(),
    mechanismsByName,
    encoding: 'utf8',
    ...overrides,
  };
}
