/**
 * `recgraph import --format ratifications`: imports the ratification status of states for any
 * instrument of reference/instruments.csv from CSV files in the layout of
 * reference/treaty-ratification/treaty_ratification_long.csv (docs/graph-model.md,
 * "Ratification"). Generic: the shipped table covers the core UN instruments only, and the
 * regional ones (Belém do Pará, Istanbul, Maputo, ...) come in through here once their status is
 * at hand.
 *
 * Every row of every file is checked before anything is written; one bad row writes nothing.
 * The rows are then written in one transaction, and only those that change a link: importing the
 * same files again changes nothing.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { DbContext } from '../../graphql/context.ts';
import { closestMatches } from '../../core/closest-matches.ts';
import { InvalidInputError } from '../../core/errors.ts';
import { StateNameIndex } from '../states/index.ts';
import {
  readRatificationFields,
  REQUIRED_RATIFICATION_COLUMNS,
  type RatificationFields,
} from './ratification-rows.ts';
import * as repository from './ratification.repository.ts';
import type { InstrumentCodes, RatificationLink, StateCodes } from './ratification.repository.ts';

export interface RatificationImportOptions {
  /**
   * Check the files and count what would change; write nothing.
   * @default false
   */
  readonly dryRun?: boolean;
}

/** A row that cannot be imported, or one that is imported with a caveat (a warning). */
export interface RatificationProblem {
  readonly file: string;
  /** 1-based line in the file (1 is the header). */
  readonly line: number;
  readonly reason: string;
}

/**
 * What became of the rows. A row counts as `created` when the state had no link to the instrument
 * and now has one, `updated` when its link changed (party from signatory, another year or status,
 * or a link the row says is gone: "no action"), `unchanged` otherwise.
 */
export interface RatificationCounts {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
}

export interface RatificationFileSummary extends RatificationCounts {
  readonly file: string;
}

export interface RatificationImportResult extends RatificationCounts {
  readonly files: readonly RatificationFileSummary[];
  /** Rows imported with a caveat: flags that contradict each other or the status word. */
  readonly warnings: readonly RatificationProblem[];
  /** False for a dry run. */
  readonly written: boolean;
}

/** How many problems the message lists (all are in `problems`). */
const LISTED_PROBLEMS = 20;

/** Some rows cannot be imported; nothing was written. */
export class RatificationImportError extends InvalidInputError {
  constructor(readonly problems: readonly RatificationProblem[]) {
    const listed = problems
      .slice(0, LISTED_PROBLEMS)
      .map((p) => `${p.file}:${p.line}: ${p.reason}`);
    if (problems.length > LISTED_PROBLEMS) {
      listed.push(`... and ${problems.length - LISTED_PROBLEMS} more`);
    }
    super(
      `${problems.length} ratification ${problems.length === 1 ? 'row is' : 'rows are'} invalid; nothing was written:\n${listed.join('\n')}`,
      'files',
    );
    this.name = 'RatificationImportError';
  }
}

interface FileRows {
  readonly file: string;
  readonly rows: { readonly line: number; readonly record: Record<string, string> }[];
  readonly problems: RatificationProblem[];
}

/** Reads one file's records with their line numbers; an unreadable file is one problem. */
function readRatificationFile(file: string): FileRows {
  let text: Buffer;
  try {
    text = fs.readFileSync(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      file,
      rows: [],
      problems: [{ file, line: 0, reason: `cannot read the file: ${reason}` }],
    };
  }
  let parsed: { record: Record<string, string>; info: { lines: number } }[];
  let header: string[] = [];
  try {
    // With `info`, csv-parse returns each record with where it was read (its types do not say so).
    parsed = parse(text, {
      // The header as read, so that a file of a header alone is checked too.
      columns: (names: string[]) => (header = names),
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    const reason = error instanceof Error ? error.message : String(error);
    return { file, rows: [], problems: [{ file, line, reason: `not a readable CSV: ${reason}` }] };
  }
  const missing = REQUIRED_RATIFICATION_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length) {
    return {
      file,
      rows: [],
      problems: [
        {
          file,
          line: 1,
          reason: `missing columns ${missing.map((c) => JSON.stringify(c)).join(', ')} (the layout of treaty_ratification_long.csv: ${REQUIRED_RATIFICATION_COLUMNS.join(', ')})`,
        },
      ],
    };
  }
  return {
    file,
    rows: parsed.map(({ record, info }) => ({ line: info.lines, record })),
    problems: [],
  };
}

/** A row that passed the checks, ready to compare and write. */
interface CheckedRow extends Omit<RatificationFields, 'errors' | 'warnings'> {
  readonly file: string;
  readonly line: number;
  readonly iso3: string;
  /** The instrument's code in the graph (e.g. CEDAW for `cedaw`). */
  readonly code: string;
}

/** Looks each row's instrument and state up; what it cannot find is a problem with suggestions. */
function checkRows(
  files: readonly FileRows[],
  targets: { states: readonly StateCodes[]; instruments: readonly InstrumentCodes[] },
) {
  const problems: RatificationProblem[] = files.flatMap((f) => f.problems);
  const warnings: RatificationProblem[] = [];
  const rows: CheckedRow[] = [];
  const bySource = new Map(
    targets.instruments.flatMap((i) =>
      i.sourceCode ? [[i.sourceCode.toLowerCase(), i] as const] : [],
    ),
  );
  const byIso2 = new Map(targets.states.map((s) => [s.iso2, s]));
  const byIso3 = new Map(targets.states.map((s) => [s.iso3, s]));
  const names = new StateNameIndex(targets.states);
  const seen = new Map<string, { file: string; line: number }>();

  for (const { file, rows: records } of files) {
    for (const { line, record } of records) {
      const fields = readRatificationFields(record);
      const reasons = [...fields.errors];
      const instrument = fields.instrument ? bySource.get(fields.instrument) : undefined;
      if (fields.instrument && !instrument) {
        reasons.push(unknownInstrument(fields.instrument, targets.instruments));
      }
      const state = fields.iso2 ? byIso2.get(fields.iso2) : undefined;
      if (fields.iso2 && !state) {
        reasons.push(unknownState(fields, targets.states, byIso3, names));
      }
      if (instrument && state) {
        const key = `${instrument.code}\u0000${state.iso3}`;
        const first = seen.get(key);
        if (first) {
          reasons.push(
            `${instrument.sourceCode ?? instrument.code} for ${state.iso2} is already on line ${first.line}${first.file === file ? '' : ` of ${first.file}`}`,
          );
        } else seen.set(key, { file, line });
      }
      if (reasons.length || !instrument || !state) {
        for (const reason of reasons) problems.push({ file, line, reason });
        continue;
      }
      for (const reason of fields.warnings) warnings.push({ file, line, reason });
      const { errors: _errors, warnings: _warnings, ...rest } = fields;
      rows.push({ ...rest, file, line, iso3: state.iso3, code: instrument.code });
    }
  }
  return { rows, problems, warnings };
}

function unknownInstrument(written: string, instruments: readonly InstrumentCodes[]): string {
  const known = instruments.filter((i) => i.sourceCode);
  const close = closestMatches(written, known, (i) => [i.sourceCode ?? '', i.code]);
  return `unknown instrument ${JSON.stringify(written)} (the "instrument" column takes the sourceCode of reference/instruments.csv); ${
    close.length
      ? `closest: ${close.map((i) => `${i.sourceCode} (${i.code}, ${i.name})`).join('; ')}`
      : `known: ${known.map((i) => i.sourceCode).join(', ')}`
  }`;
}

function unknownState(
  fields: RatificationFields,
  states: readonly StateCodes[],
  byIso3: ReadonlyMap<string, StateCodes>,
  names: StateNameIndex,
): string {
  const suggestions: StateCodes[] = [];
  const add = (state: StateCodes | undefined) => {
    if (state && !suggestions.includes(state)) suggestions.push(state);
  };
  // What the member column names, then the code read as alpha-3, then names close to the member.
  add(fields.member ? byIso3.get(names.resolve(fields.member) ?? '') : undefined);
  add(byIso3.get(fields.iso2));
  if (fields.member) {
    for (const state of closestMatches(fields.member, states, (s) => [s.name, ...s.names]))
      add(state);
  } else {
    for (const state of closestMatches(fields.iso2, states, (s) => [s.iso2])) add(state);
  }
  const what = `unknown state ${JSON.stringify(fields.iso2)}${fields.member ? ` (member ${JSON.stringify(fields.member)})` : ''}: "iso2" takes an ISO 3166 alpha-2 code`;
  return suggestions.length
    ? `${what}; closest: ${suggestions
        .slice(0, 3)
        .map((s) => `${s.iso2} (${s.name})`)
        .join('; ')}`
    : `${what}; no close match`;
}

/** What a checked row asks the link to be, next to what it is. */
function outcome(
  row: CheckedRow,
  current: RatificationLink | undefined,
): keyof Omit<RatificationCounts, 'read'> {
  const had = current !== undefined && (current.party || current.signed);
  const wants = row.party || row.signatory;
  if (!had) return wants ? 'created' : 'unchanged';
  const same =
    current.party === row.party &&
    current.signed === row.signatory &&
    (!row.party || (current.year === row.year && (current.status ?? '') === row.status));
  return same ? 'unchanged' : 'updated';
}

/**
 * Imports ratification status from CSV files in the layout of treaty_ratification_long.csv
 * (`instrument` = instruments.csv `sourceCode`, `iso2`, `state party`, `year ratification or
 * accession`, `signatory`, `no action`, `status`; `member` and `note` optional). Each row states
 * a state's whole standing on one instrument: a party (`PARTY_TO {year, status}`), a signatory
 * (`SIGNED`), or neither (an existing link is removed).
 * @throws RatificationImportError when any row is invalid (unknown instrument or state, with the
 *   closest matches; a malformed flag or year; a pair given twice); nothing is written then
 * @example await importRatifications(ctx, ['belem-do-para.csv'], { dryRun: true })
 */
export async function importRatifications(
  ctx: DbContext,
  files: readonly string[],
  options: RatificationImportOptions = {},
): Promise<RatificationImportResult> {
  if (files.length === 0) throw new InvalidInputError('no ratification file given', 'files');
  const read = files.map(readRatificationFile);
  const dryRun = options.dryRun ?? false;
  return ctx.db.transaction(async (tx) => {
    const targets = await repository.findRatificationTargets(tx);
    const { rows, problems, warnings } = checkRows(read, targets);
    if (problems.length) throw new RatificationImportError(problems);

    const links = await repository.findRatificationLinks(
      tx,
      rows.map((row) => ({ iso3: row.iso3, instrument: row.code })),
    );
    const current = new Map(links.map((l) => [`${l.instrument}\u0000${l.iso3}`, l]));
    const byFile = new Map<string, RatificationFileSummary>(
      files.map((file) => [file, { file, read: 0, created: 0, updated: 0, unchanged: 0 }]),
    );
    const total: RatificationCounts = { read: 0, created: 0, updated: 0, unchanged: 0 };
    const changed: CheckedRow[] = [];
    for (const row of rows) {
      const result = outcome(row, current.get(`${row.code}\u0000${row.iso3}`));
      if (result !== 'unchanged') changed.push(row);
      const summary = byFile.get(row.file)!;
      for (const counts of [summary, total]) {
        counts.read++;
        counts[result]++;
      }
    }
    if (!dryRun) {
      await repository.writeRatificationLinks(
        tx,
        changed.map((row) => ({
          iso3: row.iso3,
          instrument: row.code,
          party: row.party,
          signatory: row.signatory,
          year: row.year,
          status: row.status,
        })),
      );
    }
    return { ...total, files: [...byFile.values()], warnings, written: !dryRun };
  });
}
