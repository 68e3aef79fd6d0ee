/**
 * recgraph's canonical NDJSON: one recommendation per line, documented by the JSON Schema in
 * schema/recommendation.schema.json (generated from RecommendationLineSchema by
 * `npm run schema:print`). It is also what `recgraph export` writes, so export -> import
 * round-trips exactly.
 */
import { z } from 'zod';
import { guessLanguage } from '../../core/language.ts';
import { RESPONSES } from '../recommendations/index.ts';
import type { StateNameIndex } from '../states/index.ts';
import { deriveId } from './identity.ts';
import {
  slug,
  themeFromLabel,
  unknownRecommendingState,
  type MechanismHint,
  type RecommendationRecord,
  type ThemeRef,
} from './recommendation-record.ts';

const MECHANISM_KINDS = ['UPR', 'TREATY_BODY', 'SPECIAL_PROCEDURE', 'REGIONAL', 'OTHER'] as const;

const ThemeSchema = z.union([
  z
    .string()
    .trim()
    .min(1)
    .describe('A theme label ("Women\'s rights") or "A12 Acceptance of international norms".'),
  z.object({
    scheme: z.string().trim().min(1),
    code: z.string().trim().min(1),
    label: z.string().trim().min(1).optional(),
  }),
]);

const AffectedSchema = z.union([
  z.string().trim().min(1),
  z.object({ code: z.string().trim().min(1), label: z.string().trim().min(1).optional() }),
]);

const SourceSchema = z.object({
  dataset: z.string().trim().min(1).max(200),
  id: z.string().trim().min(1).max(300),
  actionCategory: z
    .number()
    .int()
    .min(1)
    .max(5)
    .nullish()
    .describe("UPR Info's action category of the source row (1 minimal to 5 specific)."),
  notes: z.string().trim().max(20_000).nullish().describe("The source's note on the row."),
});

/** One line of the canonical NDJSON. Unknown extra fields are ignored. */
export const RecommendationLineSchema = z
  .object({
    id: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .optional()
      .describe(
        "When given it IS the recommendation's id; otherwise derived from symbol and paragraph, or from mechanism, state, cycle/session, paragraph and text.",
      ),
    mechanism: z
      .string()
      .trim()
      .regex(/^[A-Za-z][\w-]{0,31}$/)
      .describe('Mechanism code (UPR, CEDAW, ...); an unknown code creates the mechanism.'),
    mechanismKind: z
      .enum(MECHANISM_KINDS)
      .optional()
      .describe('Kind of a mechanism this line creates.'),
    mechanismName: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .optional()
      .describe('Name of a mechanism this line creates.'),
    state: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{3}$/)
      .describe('ISO 3166 alpha-3 code of the addressed state.'),
    // Composed (NFC), as the full-text analyzers need: an "É" written as E and U+0301 would not
    // match "éliminer" (docs/importing.md#languages).
    text: z.string().trim().normalize('NFC').min(1).max(200_000),
    language: z
      .string()
      .trim()
      .regex(/^[a-z]{2}$/)
      .nullish()
      .describe('ISO 639-1 code of the text ("es"); guessed from the text when absent.'),
    date: z.iso.date().nullish().describe('YYYY-MM-DD'),
    year: z.number().int().min(1945).max(2200).nullish(),
    documentSymbol: z.string().trim().min(1).max(200).nullish(),
    paragraph: z.string().trim().min(1).max(50).nullish(),
    cycle: z.number().int().min(1).max(99).nullish(),
    session: z.number().int().min(1).max(999).nullish(),
    recommendingStates: z
      .array(z.string().trim().min(1))
      .max(300)
      .nullish()
      .describe('ISO3 codes or names.'),
    response: z.enum(RESPONSES).nullish(),
    themes: z.array(ThemeSchema).max(500).nullish(),
    affectedPersons: z.array(AffectedSchema).max(500).nullish(),
    sdgGoals: z
      .array(z.string().regex(/^\d{1,2}$/))
      .max(17)
      .nullish(),
    sdgTargets: z
      .array(z.string().regex(/^\d{1,2}\.[0-9a-z]{1,2}$/))
      .max(169)
      .nullish(),
    source: SourceSchema.nullish().describe(
      'Where the recommendation comes from: a dataset and its own id for it.',
    ),
    sources: z
      .array(SourceSchema)
      .max(100)
      .nullish()
      .describe('Further sources of the same recommendation.'),
  })
  .describe("One recommendation in recgraph's canonical NDJSON format.");

export type RecommendationLine = z.infer<typeof RecommendationLineSchema>;

/** The JSON Schema of one line, for schema/recommendation.schema.json. */
export function recommendationJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://recgraph.dev/schema/recommendation.schema.json',
    title: 'recgraph recommendation (NDJSON line)',
    ...z.toJSONSchema(RecommendationLineSchema, { target: 'draft-2020-12', io: 'input' }),
  };
}

function theme(value: z.infer<typeof ThemeSchema>): ThemeRef {
  if (typeof value === 'string') return themeFromLabel(value);
  return { scheme: value.scheme, code: value.code, label: value.label ?? value.code };
}

export type LineResult =
  | {
      ok: true;
      record: RecommendationRecord;
      mechanism: MechanismHint;
      warnings: string[];
    }
  | { ok: false; reason: string };

/**
 * Validates and normalises one NDJSON line.
 * @param dataset used as the source dataset when the line has no `source`
 */
export function parseLine(
  text: string,
  line: number,
  options: { dataset: string; names: StateNameIndex },
): LineResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${(error as Error).message})` };
  }
  const parsed = RecommendationLineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `${issue.path.join('.') || 'line'}: ${issue.message}` };
  }
  const v = parsed.data;
  const state = v.state.toUpperCase();
  if (options.names.resolve(state) !== state)
    return { ok: false, reason: `unknown state ${JSON.stringify(v.state)}` };
  const warnings: string[] = [];
  const recommending: string[] = [];
  const unmatched: string[] = [];
  for (const name of v.recommendingStates ?? []) {
    const iso3 = options.names.resolve(name);
    if (iso3) {
      if (!recommending.includes(iso3)) recommending.push(iso3);
    } else {
      unmatched.push(name);
      warnings.push(unknownRecommendingState(name));
    }
  }
  const paragraph = v.paragraph ?? null;
  const documentSymbol = v.documentSymbol ?? null;
  const record: RecommendationRecord = {
    id:
      v.id ??
      deriveId({
        mechanism: v.mechanism,
        state,
        documentSymbol,
        paragraph,
        cycle: v.cycle ?? null,
        session: v.session ?? null,
        text: v.text,
      }),
    mechanism: v.mechanism,
    state,
    text: v.text,
    language: v.language ?? guessLanguage(v.text),
    date: v.date ?? null,
    year: v.year ?? (v.date ? Number(v.date.slice(0, 4)) : null),
    documentSymbol,
    paragraph,
    cycle: v.cycle ?? null,
    session: v.session ?? null,
    recommendingStates: recommending,
    recommendingStatesUnmatched: unmatched,
    response: v.response ?? null,
    themes: (v.themes ?? []).map(theme),
    affectedGroups: (v.affectedPersons ?? []).map((a) =>
      typeof a === 'string'
        ? { code: slug(a), label: a }
        : { code: a.code, label: a.label ?? a.code },
    ),
    sdgGoals: v.sdgGoals ?? [],
    sdgTargets: v.sdgTargets ?? [],
    source: v.source ?? { dataset: options.dataset, id: `line ${line}` },
    otherSources: v.sources ?? [],
  };
  return {
    ok: true,
    record,
    mechanism: { kind: v.mechanismKind ?? null, name: v.mechanismName ?? null },
    warnings,
  };
}
