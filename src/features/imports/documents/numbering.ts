/**
 * The numbering styles of official documents, as data: how a paragraph or sub-item announces
 * itself at the start of a block. segment.ts tries them in order. See docs/importing.md#documents.
 */

export type NumberingRole =
  /** "11." "341." : a numbered paragraph (the official paragraph number). */
  | 'paragraph'
  /** "107.14" "4.8.1." : a sub-item when it extends the current paragraph's number, else a paragraph. */
  | 'multi-level'
  /** "a." "(b)" "c)" : a lettered sub-item of the current paragraph. */
  | 'letter'
  /** "i." "(ii)" "iv)" : a roman sub-item of the current paragraph. */
  | 'roman'
  /** "1.a." : MESECVI's paragraph-and-letter items, a sub-item of paragraph 1. */
  | 'paragraph-letter';

export interface NumberingStyle {
  readonly role: NumberingRole;
  readonly example: string;
  /** Matched at the start of a block after emphasis markers; group 1 (and 2) the number. */
  readonly pattern: RegExp;
}

export const NUMBERING_STYLES: readonly NumberingStyle[] = [
  { role: 'paragraph-letter', example: '1.a.', pattern: /^(\d{1,3})\.([a-z])[.)]\s+/u },
  {
    role: 'multi-level',
    example: '107.14 / 4.8.1.',
    pattern: /^(\d{1,3}(?:\.\d{1,3}){1,3})\.?(?=\s+[^\d\s])\s+/u,
  },
  { role: 'paragraph', example: '11.', pattern: /^(\d{1,4})\.(?=\s|\*|_)\s*/u },
  {
    role: 'roman',
    example: '(ii)',
    pattern: /^\(?((?:i{1,3}|iv|vi{0,3}|ix|xi{0,3}))[.)]\s+/u,
  },
  { role: 'letter', example: '(a)', pattern: /^\(?([a-z])[.)]\s+/u },
];

/** Years at the start of a line ("2016. The …") are not paragraph numbers. */
export const YEAR_RANGE = { from: 1950, to: 2030 } as const;

/** Letter labels as they appear in ids: `11(a)`. */
export const subItemLabel = (paragraph: string, item: string) => `${paragraph}(${item})`;

/**
 * Headings of plain-text documents (Markdown and Word have their own): a line of its own, short,
 * numbered with a roman numeral or a capital letter, not ending like a sentence:
 * "II. Conclusions and/or recommendations", "C. Principal subjects of concern".
 */
export const PLAIN_HEADINGS: readonly { readonly level: number; readonly pattern: RegExp }[] = [
  { level: 2, pattern: /^[IVXL]{1,5}\.\s+\p{Lu}[^\n]{0,100}[^.;:,\s]$/u },
  { level: 3, pattern: /^[A-Z]\.\s+\p{Lu}[^\n]{0,100}[^.;:,\s]$/u },
];

/**
 * An unnumbered sub-heading written as plain text (CLADEM copies the IACHR's that way): a block
 * of at most three short lines that starts with a capital, has words in lower case, no slash
 * (a page header such as "CEDAW/C/ARG/CO/7" or "GE.16-21456 3/15" in text saved from a PDF is
 * not one) and does not end like a sentence.
 */
export const PLAIN_SUBHEADING = {
  maxLines: 3,
  maxLength: 240,
  pattern: /^(?=[^/]*$)(?=.*\p{Ll}{3})\p{Lu}[^*_]*[^.;:,)\s*_\d]$/u,
} as const;
