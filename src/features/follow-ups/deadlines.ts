/**
 * Deadlines from mechanism rules, kept as data in reference/deadlines.csv (one row per rule:
 * mechanism, kind, months after the recommendation's date). A recommendation's deadlines are its
 * mechanism's rules applied to its date (or, when only the year is known, to 30 June of that
 * year, flagged `approximate`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { PROJECT_ROOT } from '../../core/config.ts';

export const DEADLINES_FILE = path.join(PROJECT_ROOT, 'reference', 'deadlines.csv');

const RuleSchema = z.object({
  mechanism: z.string().min(1),
  kind: z.string().regex(/^[A-Z_]+$/u),
  monthsAfter: z.coerce.number().int().min(1).max(240),
  description: z.string().min(1),
  source: z.string().min(1),
});
export type DeadlineRule = z.infer<typeof RuleSchema>;

let rules: readonly DeadlineRule[] | undefined;

/** The rules table, read once. @throws Error naming the line when a row is malformed */
export function deadlineRules(): readonly DeadlineRule[] {
  if (rules) return rules;
  const rows = parse<unknown>(fs.readFileSync(DEADLINES_FILE, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  });
  rules = rows.map((row, i) => {
    const parsed = RuleSchema.safeParse(row);
    if (!parsed.success) {
      throw new Error(`${DEADLINES_FILE} line ${i + 2}: ${parsed.error.issues[0]?.message}`);
    }
    return parsed.data;
  });
  return rules;
}

export interface DeadlineBasis {
  readonly mechanism: string;
  /** YYYY-MM-DD, when known. */
  readonly date: string | null;
  readonly year: number | null;
}

export interface Deadline {
  readonly kind: string;
  readonly dueDate: string;
  readonly mechanism: string;
  readonly description: string;
  readonly source: string;
  /** The date the rule counts from (the recommendation's date, or 30 June of its year). */
  readonly basisDate: string;
  /** True when only the year was known. */
  readonly approximate: boolean;
}

/** `date` (YYYY-MM-DD) plus whole months, the day clamped to the month's last. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = monthIndex % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Every deadline the rules give a recommendation, soonest first. */
export function deadlinesOf(
  basis: DeadlineBasis,
  table: readonly DeadlineRule[] = deadlineRules(),
): Deadline[] {
  const basisDate = basis.date ?? (basis.year ? `${basis.year}-06-30` : null);
  if (!basisDate) return [];
  return table
    .filter((rule) => rule.mechanism === basis.mechanism)
    .map((rule) => ({
      kind: rule.kind,
      dueDate: addMonths(basisDate, rule.monthsAfter),
      mechanism: rule.mechanism,
      description: rule.description,
      source: rule.source,
      basisDate,
      approximate: basis.date === null,
    }))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.kind.localeCompare(b.kind));
}

/** The first deadline due on or after `today`; null when all have passed or none applies. */
export function nextDeadline(deadlines: readonly Deadline[], today: string): Deadline | null {
  return deadlines.find((d) => d.dueDate >= today) ?? null;
}

/** Today's date in UTC, YYYY-MM-DD. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);
