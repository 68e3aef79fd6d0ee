/**
 * Document inputs from files: the description of each comes from the command line or from a
 * sidecar file beside it (`FILE.meta.json`), and its language, when neither gives it, from its
 * words. See docs/importing.md#documents.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { InvalidInputError } from '../../../core/errors.ts';
import { guessLanguage } from '../../../core/language.ts';
import type { DocumentInput, DocumentMeta } from './document-import.service.ts';
import { readDocumentLines } from './read-document.ts';

export const DOCUMENT_DATASET = 'document';

/** What a user may give on the command line (each overrides the sidecar's). */
export interface DocumentOptions {
  readonly mechanism?: string | undefined;
  readonly state?: string | undefined;
  readonly symbol?: string | undefined;
  readonly date?: string | undefined;
  readonly language?: string | undefined;
  readonly title?: string | undefined;
  readonly cycle?: number | undefined;
  /** A part of a document kept apart from the rest (another version, a chapter): `SYMBOL [part]`. */
  readonly part?: string | undefined;
}

const Sidecar = z
  .object({
    mechanism: z.string().min(1).optional(),
    state: z.string().min(1).optional(),
    symbol: z.string().min(1).optional(),
    date: z.string().optional(),
    language: z.string().optional(),
    title: z.string().optional(),
    cycle: z.number().int().positive().optional(),
    part: z.string().min(1).optional(),
    kind: z.string().optional(),
    source: z
      .object({
        dataset: z.string().min(1).optional(),
        licence: z.string().optional(),
        attribution: z.string().optional(),
        url: z.string().optional(),
      })
      .optional(),
  })
  .strict();

export const sidecarOf = (file: string) => `${file}.meta.json`;

function readSidecar(file: string): z.infer<typeof Sidecar> | null {
  const sidecar = sidecarOf(file);
  if (!fs.existsSync(sidecar)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(sidecar, 'utf8'));
  } catch (error) {
    throw new InvalidInputError(`${sidecar}: not JSON (${(error as Error).message})`);
  }
  const parsed = Sidecar.safeParse(raw);
  if (!parsed.success)
    throw new InvalidInputError(
      `${sidecar}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

/**
 * The language of a document, read from its text (a language other than en, es or fr is then
 * refused by the checks, as if given); en when the text is too short to tell.
 */
function documentLanguage(lines: readonly string[]): string {
  return guessLanguage(lines.join(' ').slice(0, 20_000)) ?? 'en';
}

/**
 * Reads document files and their descriptions.
 * @throws InvalidInputError for a missing or unreadable file or sidecar
 */
export async function documentInputs(
  files: readonly string[],
  options: DocumentOptions,
): Promise<DocumentInput[]> {
  const inputs: DocumentInput[] = [];
  for (const file of files) {
    if (!fs.existsSync(file)) throw new InvalidInputError(`${file}: no such file`);
    const sidecar = readSidecar(file) ?? {};
    const lines = await readDocumentLines(file);
    const language = options.language ?? sidecar.language;
    const warnings: string[] = [];
    let resolvedLanguage = language;
    if (!resolvedLanguage) {
      resolvedLanguage = documentLanguage(lines);
      warnings.push(`no --language given; the text reads as "${resolvedLanguage}"`);
    }
    const meta: DocumentMeta = {
      mechanism: options.mechanism ?? sidecar.mechanism ?? '',
      state: options.state ?? sidecar.state ?? '',
      symbol: (options.symbol ?? sidecar.symbol ?? '').trim(),
      date: options.date ?? sidecar.date ?? null,
      language: resolvedLanguage,
      title: options.title ?? sidecar.title ?? null,
      cycle: options.cycle ?? sidecar.cycle ?? null,
      part: options.part ?? sidecar.part ?? null,
      kind: sidecar.kind ?? null,
    };
    inputs.push({
      name: file,
      lines,
      meta,
      source: {
        dataset: sidecar.source?.dataset ?? DOCUMENT_DATASET,
        licence: sidecar.source?.licence ?? null,
        attribution: sidecar.source?.attribution ?? null,
        url: sidecar.source?.url ?? null,
        highlights: false,
      },
      warnings,
    });
  }
  return inputs;
}
