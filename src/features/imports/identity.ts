/**
 * Stable recommendation ids (DOMAIN.md, "Identity"): `{documentSymbol}#{paragraph}` where the source
 * gives both; otherwise derived deterministically from what identifies the recommendation, never
 * from a counter or a row number, so re-importing the same data gives the same ids.
 */
import { createHash } from 'node:crypto';

export interface IdentityParts {
  readonly mechanism: string;
  readonly state: string;
  readonly documentSymbol: string | null;
  readonly paragraph: string | null;
  readonly cycle: number | null;
  readonly session: number | null;
  readonly text: string;
}

/** Text reduced to what identifies it: case, accents, punctuation and spacing do not count. */
export function textFingerprint(text: string): string {
  const normalised = text
    .normalize('NFKD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return createHash('sha256').update(normalised).digest('hex').slice(0, 12);
}

/**
 * @example deriveId({ documentSymbol: 'A/HRC/28/15', paragraph: '115.1', ... }) === 'A/HRC/28/15#115.1'
 * @example deriveId({ mechanism: 'UPR', state: 'DZA', session: 1, paragraph: '69.1', ... }) === 'UPR/DZA/s1#69.1'
 */
export function deriveId(parts: IdentityParts): string {
  if (parts.documentSymbol && parts.paragraph) return `${parts.documentSymbol}#${parts.paragraph}`;
  const period =
    parts.session !== null
      ? `s${parts.session}`
      : parts.cycle !== null
        ? `c${parts.cycle}`
        : 'undated';
  const base = `${parts.mechanism}/${parts.state}/${period}`;
  if (parts.documentSymbol) return `${parts.documentSymbol}#t${textFingerprint(parts.text)}`;
  if (parts.paragraph) return `${base}#${parts.paragraph}`;
  return `${base}#t${textFingerprint(parts.text)}`;
}

/**
 * A UPR Working Group report line reduced to its recommendation: "95.62  Establish ... officials
 * (Austria);" -> paragraph "95.62", body "Establish ... officials", recommending "Austria".
 * Paragraph numbers come as "128.3.2", "128.3..2" or "114.42."; the trailing parentheses may be
 * followed by stray ". );" left by PDF extraction.
 */
export interface UprText {
  readonly paragraph: string | null;
  readonly body: string;
  /** The recommending states as written in the last parentheses, or null when there are none. */
  readonly recommending: string | null;
}

const PARAGRAPH = /^\s*(\d{1,3}(?:\s*\.+\s*\d{1,3})*)\.?(?=[\s,]|\p{L})[\s,]*/u;
// One level of nesting: "(Iran (Islamic Republic of));", "(Bolivia (Plurinational State of), Chile);".
const TRAILING_PARENS = /\s*\(((?:[^()]|\([^()]*\))*)\)[\s.;,)]*$/u;

export function parseUprText(text: string): UprText {
  let rest = text.trim();
  let paragraph: string | null = null;
  const numbered = PARAGRAPH.exec(rest);
  if (numbered) {
    paragraph = numbered[1]!.replace(/[\s.]+/gu, '.');
    rest = rest.slice(numbered[0].length);
  }
  let recommending: string | null = null;
  const parens = TRAILING_PARENS.exec(rest);
  if (parens) {
    recommending = parens[1]!.replace(/\s+/gu, ' ').trim();
    rest = rest.slice(0, parens.index);
  }
  return { paragraph, body: rest.replace(/[\s;]+$/u, '').trim(), recommending };
}

/**
 * What identifies a UPR recommendation's wording across sources: the text without paragraph
 * number and without trailing parenthesised groups (recommending states, but also "(CED)" that
 * one source keeps and another drops), then fingerprinted.
 */
export function uprTextFingerprint(text: string): string {
  let body = parseUprText(text).body;
  for (let parens = TRAILING_PARENS.exec(body); parens; parens = TRAILING_PARENS.exec(body)) {
    body = body.slice(0, parens.index);
  }
  // "To abolish ..." in one source is "Abolish ..." in the other.
  body = body.replace(/^\s*to\s+/iu, '');
  return textFingerprint(body || text);
}

/**
 * The key under which the same recommendation from different sources meets: mechanism, state,
 * cycle and the wording's fingerprint. Stored on every recommendation (`textKey`).
 */
export function textKey(r: {
  readonly mechanism: string;
  readonly state: string;
  readonly cycle: number | null;
  readonly text: string;
}): string {
  return `${r.mechanism}/${r.state}/c${r.cycle ?? '-'}/${uprTextFingerprint(r.text)}`;
}

/**
 * The id of a UPR recommendation from a source without document symbol (UPR Info, parsed
 * Working Group reports): one id per state, cycle and wording, so both sources derive the same
 * id whichever comes first.
 * @example uprTextId('AFG', 1, 'Submit its delayed reports ...') === 'UPR/AFG/c1#t3f9a…'
 */
export function uprTextId(state: string, cycle: number, text: string): string {
  return `UPR/${state}/c${cycle}#t${uprTextFingerprint(text)}`;
}
