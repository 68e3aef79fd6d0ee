/**
 * Imports recommendation files: streams each file's rows through its format's reader, validates
 * and normalises them, and writes them in batches (one transaction each). Re-importing a file
 * writes nothing; an interrupted import can simply be run again.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Context } from '../../graphql/context.ts';
import { readUprCycles, readUprInfoIssueMap, readUprSessions } from '../reference/index.ts';
import { nameKey, stateNameIndex } from '../states/index.ts';
import {
  readRows,
  resolveFormat,
  type FormatContext,
  type FormatName,
  type MechanismHint,
  type ParsedRow,
} from './formats.ts';
import { matchCrossSource } from './cross-source.ts';
import { textKey } from './identity.ts';
import { BatchWriters } from './batch-writers.ts';
import { findMechanismNames, type HashedRecord } from './import.repository.ts';
import type { Encoding } from './readers.ts';
import type { RecommendationRecord } from './recommendation-record.ts';

/** Rows per transaction: large enough to amortise round trips, small enough for a bounded heap. */
export const BATCH_SIZE = 1000;
/** Batches written at once. */
export const WRITERS = 2;
/** Rejections kept in the summary (all are reported through onRejected as they happen). */
const MAX_KEPT_REJECTIONS = 1000;

export interface Rejection {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

/** Rows read, and what became of them. */
export interface ImportCounts {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Rows that are not recommendations and were left out on purpose (UHRI concerns/observations). */
  skipped: number;
  warnings: number;
  /** New source rows that joined an existing recommendation (another row or source had brought it). */
  joined: number;
  /** Rows that were voluntary pledges (stored apart from recommendations). */
  pledges: number;
}

const noCounts = (): ImportCounts => ({
  read: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  skipped: 0,
  warnings: 0,
  joined: 0,
  pledges: 0,
});

export interface FileSummary extends ImportCounts {
  readonly file: string;
  readonly format: FormatName;
}

export interface ImportSummary extends ImportCounts {
  readonly files: FileSummary[];
  /** Whether anything was written (false for --dry-run, and for --strict with rejections). */
  written: boolean;
  readonly mechanismsCreated: string[];
  /**
   * After UPR Info or Working Group report files that changed the graph: UPR Info
   * recommendations the report does not have word for word, and how many of them got a SAME_AS
   * suggestion (cross-source.ts).
   */
  crossSource?: { compared: number; linked: number };
  /** The first rejections (up to 1000). */
  readonly rejections: Rejection[];
  seconds: number;
}

export interface ImportProgress {
  readonly file: string;
  /** validate: first pass over the rows; write: second pass, batches written. */
  readonly phase: 'validate' | 'write';
  readonly rows: number;
  readonly bytesRead: number;
  readonly bytesTotal: number;
}

export interface ImportOptions {
  readonly files: readonly string[];
  /** Omitted: detected per file. */
  readonly format?: FormatName | undefined;
  /** Write nothing when any row is rejected. */
  readonly strict?: boolean;
  /** Validate only. */
  readonly dryRun?: boolean;
  readonly batchSize?: number;
  /** Batches written at once, each in its own transaction (default WRITERS). */
  readonly writers?: number;
  /** Text encoding of CSV files (default utf8). */
  readonly encoding?: Encoding | undefined;
  readonly onRejected?: (rejection: Rejection) => void;
  readonly onWarning?: (warning: Rejection) => void;
  readonly onProgress?: (progress: ImportProgress) => void;
}

const sorted = (values: readonly string[]) => [...values].sort();

/**
 * Hash of everything a record says, so an unchanged row can be told from an update. Fields go in
 * a fixed order and links are sorted (they are sets in the graph), so the same content always
 * hashes the same, whichever format it came in.
 */
export function contentHash(r: RecommendationRecord): string {
  const canonical = [
    r.id,
    r.mechanism,
    r.state,
    r.text,
    r.language,
    r.date,
    r.year,
    r.documentSymbol,
    r.paragraph,
    r.cycle,
    r.session,
    sorted(r.recommendingStates),
    sorted(r.recommendingStatesUnmatched),
    r.response,
    // Vocabulary items count by code: their labels belong to the Theme/AffectedGroup node, and
    // sources spell them differently ("Women", "women").
    sorted(r.themes.map((t) => `${t.scheme}\u0000${t.code}`)),
    sorted(r.affectedGroups.map((g) => g.code)),
    sorted(r.sdgGoals),
    sorted(r.sdgTargets),
    r.source.dataset,
    r.source.id,
    r.source.actionCategory ?? null,
    r.source.notes ?? null,
    sorted(
      r.otherSources.map((o) =>
        [o.dataset, o.id, o.actionCategory ?? '', o.notes ?? ''].join('\u0000'),
      ),
    ),
    // Only document records carry a context, so other formats' hashes stay as they were.
    ...(r.context ? [r.context] : []),
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url');
}

/** What the readers need from the graph and the reference tables. */
export async function importContext(
  ctx: Pick<Context, 'db'>,
  encoding: Encoding = 'utf8',
): Promise<FormatContext> {
  const mechanismsByName = new Map<string, string>();
  for (const { code, name } of await findMechanismNames(ctx)) {
    mechanismsByName.set(nameKey(code), code);
    if (name) mechanismsByName.set(nameKey(name), code);
  }
  return {
    names: await stateNameIndex(ctx),
    sessions: readUprSessions(),
    cycles: readUprCycles(),
    uprInfoIssues: readUprInfoIssueMap(),
    mechanismsByName,
    encoding,
  };
}

/**
 * Imports the files. Files that do not exist or whose format cannot be told stop the run before
 * anything is written.
 */
export async function runImport(
  ctx: Pick<Context, 'db'>,
  options: ImportOptions,
): Promise<ImportSummary> {
  const started = performance.now();
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const writers = options.writers ?? WRITERS;
  for (const file of options.files) {
    if (!fs.existsSync(file)) throw new Error(`${file}: no such file`);
    if (fs.statSync(file).isDirectory()) {
      throw new Error(`${file}: is a directory; name the files in it (e.g. ${file}/*.csv)`);
    }
  }
  const plan = options.files.map((file) => ({ file, format: resolveFormat(file, options.format) }));
  const context = await importContext(ctx, options.encoding);

  const summary: ImportSummary = {
    files: plan.map(({ file, format }) => ({ file, format, ...noCounts() })),
    ...noCounts(),
    written: false,
    mechanismsCreated: [],
    rejections: [],
    seconds: 0,
  };

  /** One pass over every file: `count` tallies rows and reports problems, `write` writes them. */
  const scan = async ({ count, write }: { count: boolean; write: boolean }) => {
    for (const [index, { file, format }] of plan.entries()) {
      const fileSummary = summary.files[index]!;
      const phase = write ? 'write' : 'validate';
      const bytesTotal = fs.statSync(file).size;
      const position = { bytesRead: 0 };
      let rows = 0;
      let batch: HashedRecord[] = [];
      let mechanisms = new Map<string, MechanismHint>();
      const writing = new BatchWriters(ctx, writers, (result) => {
        fileSummary.created += result.created;
        fileSummary.updated += result.updated;
        fileSummary.unchanged += result.unchanged;
        fileSummary.joined += result.joined;
        fileSummary.pledges += result.pledges;
        summary.mechanismsCreated.push(...result.mechanismsCreated);
      });
      const flush = async () => {
        if (!batch.length) return;
        await writing.write(batch, mechanisms);
        batch = [];
        mechanisms = new Map();
      };
      try {
        for await (const row of readRows(file, format, context, position)) {
          if (count) countRow(summary, fileSummary, file, row, options);
          if (write && row.ok) {
            batch.push({
              ...row.record,
              contentHash: contentHash(row.record),
              textKey: textKey(row.record),
            });
            if (row.mechanism) mechanisms.set(row.record.mechanism, row.mechanism);
            if (batch.length >= batchSize) await flush();
          }
          if (++rows % batchSize === 0)
            options.onProgress?.({ file, phase, rows, bytesRead: position.bytesRead, bytesTotal });
        }
        if (write) {
          await flush();
          await writing.finish();
        }
      } finally {
        // A file that cannot be read further leaves no transaction running.
        await writing.settle();
      }
      options.onProgress?.({ file, phase, rows, bytesRead: bytesTotal, bytesTotal });
    }
  };

  // Rows are streamed, never all kept. A plain import validates and writes in one pass; --strict
  // validates every file first and writes in a second pass only when nothing was rejected.
  if (options.dryRun) {
    await scan({ count: true, write: false });
  } else if (options.strict) {
    await scan({ count: true, write: false });
    if (summary.rejected === 0) {
      await scan({ count: false, write: true });
      summary.written = true;
    }
  } else {
    await scan({ count: true, write: true });
    summary.written = true;
  }
  for (const file of summary.files) {
    summary.created += file.created;
    summary.updated += file.updated;
    summary.unchanged += file.unchanged;
    summary.joined += file.joined;
    summary.pledges += file.pledges;
  }
  // Cross-source matching after UPR files that wrote something: an unchanged re-import writes
  // nothing, SAME_AS links included.
  const uprWrites = summary.files
    .filter((f) => f.format === 'upr-info' || f.format === 'upr-report')
    .reduce((n, f) => n + f.created + f.updated + f.joined, 0);
  if (summary.written && uprWrites > 0) {
    const matched = await matchCrossSource(ctx);
    summary.crossSource = { compared: matched.decisions.length, linked: matched.linked };
  }
  summary.seconds = Math.round((performance.now() - started) / 10) / 100;
  return summary;
}

function countRow(
  summary: ImportSummary,
  fileSummary: FileSummary,
  file: string,
  row: ParsedRow,
  options: ImportOptions,
): void {
  fileSummary.read++;
  summary.read++;
  if (!row.ok && row.skipped) {
    fileSummary.skipped++;
    summary.skipped++;
    return;
  }
  if (!row.ok) {
    fileSummary.rejected++;
    summary.rejected++;
    const rejection = { file, line: row.line, reason: row.reason };
    if (summary.rejections.length < MAX_KEPT_REJECTIONS) summary.rejections.push(rejection);
    options.onRejected?.(rejection);
    return;
  }
  for (const reason of row.warnings) {
    fileSummary.warnings++;
    summary.warnings++;
    options.onWarning?.({ file, line: row.line, reason });
  }
}
