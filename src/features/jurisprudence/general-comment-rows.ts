/**
 * Pure reading of the treaty bodies' general comments and recommendations in the layout of
 * ../shared/data/treaty-body-general-comments-annotated (one CSV row per paragraph, GC-info.json
 * beside it): canonical references, paragraph numbers, titles, years and the treaty articles a
 * title names. No I/O here; general-comment-import.service.ts reads the files and writes.
 * See docs/jurisprudence.md, "General comments and recommendations".
 */

/** The bodies whose texts are general comments: `{BODY}/GC/{n}`. */
export const GC_BODIES = ['CCPR', 'CESCR', 'CRC', 'CAT', 'CRPD', 'CMW', 'CED'] as const;
/** The bodies whose texts are general recommendations: `{BODY}/GR/{n}`. */
export const GR_BODIES = ['CEDAW', 'CERD'] as const;
export type GeneralCommentBody = (typeof GC_BODIES)[number] | (typeof GR_BODIES)[number];
export const GENERAL_COMMENT_BODIES: readonly GeneralCommentBody[] = [...GC_BODIES, ...GR_BODIES];

/** Other names the sources give a body (the dataset's file names say ESCR for CESCR). */
const BODY_SYNONYMS: Readonly<Record<string, GeneralCommentBody>> = {
  ESCR: 'CESCR',
  HRC: 'CCPR',
};

/** The columns the paragraphs CSV must have (`file` and `symbol` are optional). */
export const REQUIRED_GENERAL_COMMENT_COLUMNS = [
  'committee',
  'short_name',
  'adoption_year',
  'paragraph_id',
  'text',
] as const;

/** A body code as the graph spells it (reference/mechanisms.csv), or undefined. */
export function bodyCode(written: string): GeneralCommentBody | undefined {
  const code = written.trim().toUpperCase();
  if ((GENERAL_COMMENT_BODIES as readonly string[]).includes(code)) {
    return code as GeneralCommentBody;
  }
  return BODY_SYNONYMS[code];
}

/**
 * The canonical reference of one body's general comment or recommendation.
 * @example reference('CEDAW', 35) // 'CEDAW/GR/35'
 */
export function reference(body: GeneralCommentBody, number: number): string {
  return `${body}/${(GR_BODIES as readonly string[]).includes(body) ? 'GR' : 'GC'}/${number}`;
}

/** The symbol prefixes that name a body in a UN document symbol. */
const SYMBOL_PREFIXES: readonly [RegExp, GeneralCommentBody][] = [
  [/^E\/C\.12\b/, 'CESCR'],
  ...GENERAL_COMMENT_BODIES.map((b) => [new RegExp(`^${b}\\b`), b] as [RegExp, GeneralCommentBody]),
];

/**
 * The numbers a symbol gives, per body: "CEDAW/C/GC/31/Rev.1–CRC/C/GC/18/Rev.1" gives CEDAW 31
 * and CRC 18; "CRC/GC/2003/3" (year/number) and compilation references give nothing.
 */
export function numbersFromSymbol(symbol: string): Map<GeneralCommentBody, number> {
  const found = new Map<GeneralCommentBody, number>();
  for (const part of symbol.split(/[,–—;]|\s-\s/)) {
    const text = part.trim();
    const body = SYMBOL_PREFIXES.find(([pattern]) => pattern.test(text))?.[1];
    const match = /\/GC\/(\d{1,3})(?!\d)/.exec(text);
    if (body && match) found.set(body, Number(match[1]));
  }
  return found;
}

/**
 * The numbers a short name gives: "GC25: …" (one body), "CRC GC22/CMW GC3: …" (joint),
 * "GR:38: …". Bodies named before a number are returned with it; a bare number under `undefined`.
 */
export function numbersFromShortName(
  shortName: string,
): { body: GeneralCommentBody | undefined; number: number }[] {
  const head = shortName.split(/:\s/)[0] ?? '';
  return [...head.matchAll(/(?:\b([A-Z]{3,5})\s+)?\bG[CR]\s*:?\s*(\d{1,3})\b/g)].map((m) => ({
    body: m[1] ? bodyCode(m[1]) : undefined,
    number: Number(m[2]),
  }));
}

/** The number a source file name gives ("Annotated_ESCR-GC24-Business.json" gives 24). */
export function numberFromFileName(file: string): number | undefined {
  const match = /(?:^|[^A-Za-z])G[CR](\d{1,3})(?!\d)/.exec(file);
  return match ? Number(match[1]) : undefined;
}

export interface ResolvedReferences {
  /** Body and number per body, in the order the committee column lists them. */
  readonly parts: { readonly body: GeneralCommentBody; readonly number: number }[];
  /** What could not be resolved; the comment cannot be imported then. */
  readonly errors: string[];
  /** Sources that disagree (the value taken is said). */
  readonly warnings: string[];
}

/**
 * Works out the body and number of each committee of one comment. The symbol is taken first
 * (where it has the `/GC/{n}` form), then the file name (for the body listed first), then the
 * short name; where they disagree, the first wins and a warning says so.
 */
export function resolveReferences(input: {
  readonly bodies: readonly GeneralCommentBody[];
  readonly symbol: string;
  readonly shortName: string;
  readonly file: string;
}): ResolvedReferences {
  const fromSymbol = numbersFromSymbol(input.symbol);
  const fromShort = numbersFromShortName(input.shortName);
  const fromFile = numberFromFileName(input.file);
  const errors: string[] = [];
  const warnings: string[] = [];
  const parts: { body: GeneralCommentBody; number: number }[] = [];
  input.bodies.forEach((body, index) => {
    const candidates: [string, number | undefined][] = [
      ['symbol', fromSymbol.get(body)],
      ['file name', index === 0 ? fromFile : undefined],
      [
        'short name',
        fromShort.find((s) => s.body === body)?.number ??
          (input.bodies.length === 1 ? fromShort.find((s) => !s.body)?.number : undefined),
      ],
    ];
    const given = candidates.filter((c): c is [string, number] => c[1] !== undefined);
    const chosen = given[0];
    if (!chosen) {
      errors.push(`no number for ${body} in the symbol, file name or short name`);
      return;
    }
    for (const [source, number] of given.slice(1)) {
      if (number !== chosen[1]) {
        warnings.push(
          `${body}: the ${source} says No. ${number}, the ${chosen[0]} No. ${chosen[1]}; ${reference(body, chosen[1])} taken`,
        );
      }
    }
    parts.push({ body, number: chosen[1] });
  });
  return { parts, errors, warnings };
}

/** The canonical id of a comment: the first of its references in alphabetical order. */
export function canonicalOf(references: readonly string[]): string {
  return [...references].sort()[0] ?? '';
}

/**
 * A paragraph number: "12." or "12" gives 12. A source that left the number out but starts the
 * text with it ("49. Human rights …") gives it from the text, with the text stripped of it.
 */
export function paragraphNumber(
  written: string,
  text: string,
): { number: number; text: string; fromText: boolean } | undefined {
  const match = /^\s*(\d{1,4})\.?\s*$/.exec(written);
  if (match) return { number: Number(match[1]), text, fromText: false };
  if (written.trim() === '') {
    const inText = /^\s*(\d{1,4})\.(?!\d)\s*(\S[\s\S]*)$/.exec(text);
    if (inText) return { number: Number(inText[1]), text: inText[2]!, fromText: true };
  }
  return undefined;
}

/** "Women/girls | Children" gives ["Women/girls", "Children"]. */
export function concernedGroups(written: string): string[] {
  const groups = written
    .split(/\s*[|;]\s*/)
    .map((g) => g.trim())
    .filter(Boolean);
  return [...new Set(groups)];
}

/**
 * The title without the dataset's "GC12: " prefix, e.g. "article 1 (right to self-determination)".
 */
export function titleFromShortName(shortName: string): string {
  return shortName.replace(/^[^:]*?\bG[CR]\s*:?\s*\d+\s*:\s*/, '').trim() || shortName.trim();
}

/**
 * The treaty articles a title names, as `{CODE}-{article}[-{paragraph}]`: "Article 4, paragraph 1,
 * of the Convention" gives CEDAW-4-1 for a CEDAW text, "(art. 11 (1) of the Covenant)" CESCR-11-1,
 * "article 3 … in the context of article 22" CAT-3 and CAT-22. Only for a single body: a joint
 * comment's titles do not say which treaty an article is of.
 */
export function articlesInTitle(title: string, body: GeneralCommentBody): string[] {
  const codes: string[] = [];
  const pattern =
    /\b(?:articles?|art)\s*\.?\s*(\d{1,3})(?:\s*(?:,\s*)?(?:paragraph|pargraph|para|par)\s*\.?\s*(\d{1,2})|\s*\((\d{1,2})\))?/gi;
  for (const m of title.matchAll(pattern)) {
    const paragraph = m[2] ?? m[3];
    const code = `${body}-${m[1]}${paragraph ? `-${paragraph}` : ''}`;
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

/** A year in a title, e.g. "General comment No. 1 (2023) on …" gives 2023. */
export function yearInTitle(title: string): number | undefined {
  const match = /\bNo\.\s*\d+\s*\((\d{4})\)/.exec(title);
  return match ? Number(match[1]) : undefined;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** "8 May 2019" or "21 Nov 1997" as 2019-05-08; undefined when it is not such a date. */
export function isoDate(written: string): string | undefined {
  const match = /^\s*(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})\s*$/.exec(written);
  if (!match) return undefined;
  const month = MONTHS.findIndex((m) => m.startsWith(match[2]!.toLowerCase().slice(0, 3)));
  if (month < 0) return undefined;
  return `${match[3]}-${String(month + 1).padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
}
