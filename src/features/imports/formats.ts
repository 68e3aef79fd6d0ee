/**
 * The import formats: how to recognise a file and turn its rows into canonical records.
 */
import path from 'node:path';
import type { MappedTheme, UprCycle, UprSession } from '../reference/index.ts';
import type { StateNameIndex } from '../states/index.ts';
import { parseLine } from './ndjson.ts';
import { isOhchrThematicListHeader, parseOhchrRow } from './ohchr-thematic-list.ts';
import { head, readCsv, readLines, type Encoding, type ReadPosition } from './readers.ts';
import type { MechanismHint, RecommendationRecord } from './recommendation-record.ts';
import { isUhriJson, parseAnnotation, readUhriJson, readUhriXlsx } from './uhri.ts';
import { isUprInfoHeader, isUprReportHeader, parseUprInfoRow, parseUprReportRow } from './upr.ts';

export type { MechanismHint };

export const FORMAT_NAMES = [
  'ndjson',
  'ohchr-thematic-list',
  'upr-info',
  'upr-report',
  'uhri',
] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export interface FormatContext {
  readonly names: StateNameIndex;
  readonly sessions: ReadonlyMap<number, UprSession>;
  readonly cycles: readonly UprCycle[];
  readonly uprInfoIssues: ReadonlyMap<string, MappedTheme>;
  /** Mechanism code by the name key of its code and names (for UHRI's Body). */
  readonly mechanismsByName: ReadonlyMap<string, string>;
  /** The text encoding of CSV files. */
  readonly encoding: Encoding;
}

export type ParsedRow =
  | {
      line: number;
      ok: true;
      record: RecommendationRecord;
      mechanism?: MechanismHint;
      warnings: string[];
    }
  /** `skipped`: a row that is not a recommendation (UHRI concerns), left out without error. */
  | { line: number; ok: false; reason: string; skipped?: boolean };

interface Format {
  /** True when the first bytes of a file look like this format. */
  detect(start: string, file: string): boolean;
  rows(file: string, context: FormatContext, position: ReadPosition): AsyncGenerator<ParsedRow>;
}

/** The dataset name recorded in source crosswalks when a row does not bring its own. */
export const datasetOf = (format: FormatName, file: string) => `${format}:${path.basename(file)}`;

const FORMATS: Record<FormatName, Format> = {
  ndjson: {
    detect: (start) => /^\s*\{/u.test(start),
    async *rows(file, context, position) {
      const dataset = datasetOf('ndjson', file);
      for await (const raw of readLines(file, position)) {
        if ('reason' in raw) {
          yield { line: raw.line, ok: false, reason: raw.reason };
          continue;
        }
        const result = parseLine(raw.value, raw.line, { dataset, names: context.names });
        yield result.ok
          ? {
              line: raw.line,
              ok: true,
              record: result.record,
              mechanism: result.mechanism,
              warnings: result.warnings,
            }
          : { line: raw.line, ok: false, reason: result.reason };
      }
    },
  },
  'ohchr-thematic-list': {
    detect: (start) => isOhchrThematicListHeader(start.split(/\r?\n/u)[0] ?? ''),
    async *rows(file, context, position) {
      const rowContext = { dataset: datasetOf('ohchr-thematic-list', file), ...context };
      // Thematic lists are small (hundreds of rows), so remembering their ids is cheap.
      const seen = new Set<string>();
      for await (const raw of readCsv(file, position, context.encoding)) {
        if ('reason' in raw) {
          yield { line: raw.line, ok: false, reason: raw.reason };
          continue;
        }
        const result = parseOhchrRow(raw.value, rowContext);
        if (result.ok && seen.has(result.record.id)) {
          yield {
            line: raw.line,
            ok: false,
            reason: `duplicate recommendation ${result.record.id} in this file`,
          };
        } else if (result.ok) {
          seen.add(result.record.id);
          yield { line: raw.line, ok: true, record: result.record, warnings: result.warnings };
        } else {
          yield { line: raw.line, ok: false, reason: result.reason };
        }
      }
    },
  },
  'upr-info': {
    detect: (start) => isUprInfoHeader(start.split(/\r\n|\r|\n/u)[0] ?? ''),
    rows: (file, context, position) =>
      csvRows(file, context, position, (row, line, rowContext) =>
        parseUprInfoRow(row, line, { ...rowContext, dataset: datasetOf('upr-info', file) }),
      ),
  },
  'upr-report': {
    detect: (start) => isUprReportHeader(start.split(/\r\n|\r|\n/u)[0] ?? ''),
    rows: (file, context, position) =>
      csvRows(file, context, position, (row, line, rowContext) =>
        parseUprReportRow(row, line, { ...rowContext, dataset: datasetOf('upr-report', file) }),
      ),
  },
  uhri: {
    detect: (start, file) => /\.xlsx$/iu.test(file) || isUhriJson(start),
    async *rows(file, context, position) {
      const annotations = /\.xlsx$/iu.test(file)
        ? readUhriXlsx(file, position)
        : readUhriJson(file, position);
      const rowContext = { ...context, dataset: 'uhri' };
      for await (const raw of annotations) {
        if ('reason' in raw) {
          yield { line: raw.line, ok: false, reason: raw.reason };
          continue;
        }
        for (const result of parseAnnotation(raw.value, rowContext)) {
          yield { line: raw.line, ...result };
        }
      }
    },
  },
};

/** CSV rows through a row parser, with the reader's own rejections in their place. */
async function* csvRows(
  file: string,
  context: FormatContext,
  position: ReadPosition,
  parse: (
    row: Record<string, string>,
    line: number,
    context: FormatContext,
  ) =>
    { ok: true; record: RecommendationRecord; warnings: string[] } | { ok: false; reason: string },
): AsyncGenerator<ParsedRow> {
  for await (const raw of readCsv(file, position, context.encoding)) {
    if ('reason' in raw) {
      yield { line: raw.line, ok: false, reason: raw.reason };
      continue;
    }
    const result = parse(raw.value, raw.line, context);
    yield result.ok
      ? { line: raw.line, ok: true, record: result.record, warnings: result.warnings }
      : { line: raw.line, ok: false, reason: result.reason };
  }
}

/**
 * The format of a file: the one asked for, else the single format whose detector accepts it.
 * @throws Error when none or several formats match (the message lists them)
 */
export function resolveFormat(file: string, requested?: FormatName): FormatName {
  if (requested) return requested;
  const start = head(file);
  const matches = FORMAT_NAMES.filter((name) => FORMATS[name].detect(start, file));
  if (matches.length === 1) return matches[0]!;
  throw new Error(
    matches.length === 0
      ? `${file}: cannot tell its format; pass --format (one of ${FORMAT_NAMES.join(', ')})`
      : `${file}: could be ${matches.join(' or ')}; pass --format`,
  );
}

/** The rows of a file; `position.bytesRead` follows the reading (for progress). */
export function readRows(
  file: string,
  format: FormatName,
  context: FormatContext,
  position: ReadPosition = { bytesRead: 0 },
): AsyncGenerator<ParsedRow> {
  return FORMATS[format].rows(file, context, position);
}
