/**
 * The input rules the follow-up services share: zod schemas for the values their inputs are made
 * of, and `parse`, which reports the first problem as an InvalidInputError.
 */
import { z } from 'zod';
import { storedId } from '../../core/global-id.ts';
import { InvalidInputError } from '../../core/errors.ts';

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, 'expected a date YYYY-MM-DD')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(d).toISOString().startsWith(d),
    {
      message: 'not a calendar date',
    },
  );
export const iso3 = z
  .string()
  .regex(/^[A-Za-z]{3}$/u, 'expected an ISO 3166 alpha-3 code such as SVN')
  .transform((s) => s.toUpperCase());
export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : null));
/** Ids as stored, or the global ids the API hands out ("FollowUpAction:…"). */
export const idOf = (typename: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(300)
    .transform((s) => storedId(s, typename));
export const idList = (typename: string, max: number) =>
  z
    .array(idOf(typename))
    .max(max)
    .transform((ids) => [...new Set(ids)].sort());
export const url = z
  .url({ protocol: /^https?$/u, message: 'expected an http(s) URL' })
  .max(2000)
  .nullish()
  .transform((s) => s ?? null);

/** What clients may send: GraphQL passes null for an explicit null, which zod then judges. */
export type Loose<T> = { [K in keyof T]: T[K] | null };

/** Parses with zod; the first problem becomes an InvalidInputError naming its field. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.map(String).join('.') || undefined;
  throw new InvalidInputError(field ? `${field}: ${issue.message}` : issue.message, field);
}
