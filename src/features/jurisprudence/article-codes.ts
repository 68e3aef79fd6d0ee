/**
 * Treaty-article codes: `{INSTRUMENT}-{article}[-{paragraph}[-{sub-paragraph}…]]`, the form the
 * OHCHR jurisprudence database uses (`CCPR-14-1`, `CCPR-OP-5-2-b`, `CERD-5-e-iv`), extended to the
 * European Convention (`ECHR-6-1`, `ECHR-P1-1` for Article 1 of Protocol No. 1).
 */
import { closestMatches } from '../../core/closest-matches.ts';

/** The treaties whose articles a code may name (by their committee's code, as OHCHR writes them). */
export const ARTICLE_INSTRUMENTS = [
  'CCPR',
  'CESCR',
  'CERD',
  'CEDAW',
  'CAT',
  'CRC',
  'CRPD',
  'CMW',
  'CED',
  'ECHR',
] as const;

/** A treaty article (or paragraph, or sub-paragraph) as a node. */
export interface TreatyArticle {
  /** e.g. CCPR-14-1, CCPR-OP-5-2-b, ECHR-P1-1 */
  readonly code: string;
  /** The treaty or protocol: CCPR, CCPR-OP, CCPR-OP2, ECHR, ECHR-P1, … */
  readonly instrument: string;
  readonly article: string;
  readonly paragraph: string | null;
  /** Deeper levels joined by `-` (`b`, `c-i`), or null. */
  readonly subparagraph: string | null;
}

export type ParsedArticle =
  | { readonly ok: true; readonly article: TreatyArticle; readonly note?: string }
  | { readonly ok: false; readonly reason: string };

const PROTOCOL = /^(?:OP\d?|P\d+)$/u;

/**
 * Reads an article code, normalising case (`CEDAW-OP-4-2-C` is `CEDAW-OP-4-2-c`).
 * @example parseArticleCode('CCPR-OP-5-2-b') // instrument CCPR-OP, article 5, paragraph 2, subparagraph b
 */
export function parseArticleCode(written: string): ParsedArticle {
  const parts = written.trim().split('-');
  const treaty = (parts[0] ?? '').toUpperCase();
  if (!(ARTICLE_INSTRUMENTS as readonly string[]).includes(treaty)) {
    const close = closestMatches(treaty, ARTICLE_INSTRUMENTS, (i) => [i]);
    return {
      ok: false,
      reason: `article code ${JSON.stringify(written)} names no known treaty${close.length ? ` (closest: ${close.join(', ')})` : ''}`,
    };
  }
  let rest = parts.slice(1);
  let instrument = treaty;
  if (rest[0] && PROTOCOL.test(rest[0].toUpperCase())) {
    instrument = `${treaty}-${rest[0].toUpperCase()}`;
    rest = rest.slice(1);
  }
  const [article, paragraph, ...deeper] = rest;
  if (!article || !/^\d+[a-z]?$/iu.test(article)) {
    return { ok: false, reason: `article code ${JSON.stringify(written)} has no article number` };
  }
  if ([paragraph, ...deeper].some((p) => p !== undefined && !/^[0-9a-z]+$/iu.test(p))) {
    return { ok: false, reason: `article code ${JSON.stringify(written)} has an empty part` };
  }
  const lower = (p: string) => (/^\d+$/u.test(p) ? p : p.toLowerCase());
  const sub = deeper.map(lower);
  const para = paragraph === undefined ? null : lower(paragraph);
  const code = [instrument, article.toLowerCase(), ...(para ? [para] : []), ...sub].join('-');
  return {
    ok: true,
    article: {
      code,
      instrument,
      article: article.toLowerCase(),
      paragraph: para,
      subparagraph: sub.length ? sub.join('-') : null,
    },
    ...(code !== written.trim() ? { note: `article code ${written} read as ${code}` } : {}),
  };
}

/**
 * An ECHR-OD or HUDOC article (`6-1`, `p1-3`, `P1-1`, `8`) as an article code.
 * @example echrArticleCode('p1-3') // 'ECHR-P1-3'
 */
export function echrArticleCode(written: string): string {
  const trimmed = written.trim();
  const protocol = /^p(\d+)-(.+)$/iu.exec(trimmed);
  return protocol ? `ECHR-P${protocol[1]}-${protocol[2]}` : `ECHR-${trimmed}`;
}
