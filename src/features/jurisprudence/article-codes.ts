/**
 * Treaty-article codes: `{INSTRUMENT}-{article}[-{paragraph}[-{sub-paragraph}…]]`, in the
 * project's canonical form, the one the citation extractor writes (citations/): a treaty by its
 * committee's code (`CCPR-14-1`, `CERD-5-e-iv`), an optional protocol by its own code
 * (`OPCCPR-5-2-b`, `OP2CCPR-1`, `OPCEDAW-4-2-c`, `OPCAT-…`, `OPCESCR-…`, `OPCRPD-…`, `OPIC-…`,
 * `OPSC-…`, `OPAC-…`), the regional treaties by theirs (`ECHR-6-1`, `ACHR-8-1`, `BDP-7-b`,
 * `IC-…`), and the protocols to the European Convention as `ECHR-P{n}` (`ECHR-P1-1` for
 * Article 1 of Protocol No. 1).
 *
 * The OHCHR jurisprudence database writes a treaty's optional protocol after the treaty
 * (`CCPR-OP-5-2-b`, `CCPR-OP2-1`, `CEDAW-OP-4-2-C`); those codes are read as the canonical ones,
 * with a note.
 */
import { closestMatches } from '../../core/closest-matches.ts';
import { NAMED_PROTOCOLS, PROTOCOL_CODES, TREATIES } from './citations/citation-vocabulary.ts';

/** The treaties whose articles a code may name: the citation extractor's treaty codes. */
export const ARTICLE_TREATIES: readonly string[] = TREATIES.map((t) => t.code);

/** The optional protocols, by their own code (OPCCPR, OP2CCPR, OPCEDAW, OPIC, OPSC, …). */
export const ARTICLE_PROTOCOLS: readonly string[] = [
  ...new Set([...Object.values(PROTOCOL_CODES), ...NAMED_PROTOCOLS.map((p) => p.code)]),
];

/** Every instrument a code may start with (the ECHR's protocols are written `ECHR-P{n}`). */
export const ARTICLE_INSTRUMENTS: readonly string[] = [...ARTICLE_TREATIES, ...ARTICLE_PROTOCOLS];

/**
 * OHCHR's `{TREATY}-OP`: the treaty's protocol on communications (the CRC's is OPIC); the
 * Covenant's are also numbered (`CCPR-OP1`, `CCPR-OP2` for the second, on the death penalty).
 */
const OHCHR_PROTOCOLS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    Object.entries(PROTOCOL_CODES).map(([treaty, code]) => [`${treaty}-OP`, code]),
  ),
  'CCPR-OP1': 'OPCCPR',
  'CCPR-OP2': 'OP2CCPR',
};

/** A treaty article (or paragraph, or sub-paragraph) as a node. */
export interface TreatyArticle {
  /** e.g. CCPR-14-1, OPCCPR-5-2-b, OPCEDAW-4-2-c, ECHR-P1-1 */
  readonly code: string;
  /** The treaty or protocol: CCPR, OPCCPR, OP2CCPR, OPCEDAW, ECHR, ECHR-P1, ACHR, BDP, … */
  readonly instrument: string;
  readonly article: string;
  readonly paragraph: string | null;
  /** Deeper levels joined by `-` (`b`, `c-i`), or null. */
  readonly subparagraph: string | null;
}

export type ParsedArticle =
  | { readonly ok: true; readonly article: TreatyArticle; readonly note?: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Reads an article code into its canonical form, normalising case (`OPCEDAW-4-2-C` is
 * `OPCEDAW-4-2-c`) and OHCHR's protocol codes (`CEDAW-OP-4-2-C` is `OPCEDAW-4-2-c`); a code
 * that is not already canonical comes with a note saying how it was read. Unknown treaties are
 * refused with the closest known ones.
 * @example parseArticleCode('CCPR-OP-5-2-b') // code OPCCPR-5-2-b, instrument OPCCPR, article 5, paragraph 2, subparagraph b
 */
export function parseArticleCode(written: string): ParsedArticle {
  const parts = written.trim().split('-');
  const treaty = (parts[0] ?? '').toUpperCase();
  if (!ARTICLE_INSTRUMENTS.includes(treaty)) {
    // "OPCEDWA" is a protocol mistyped, "CCCPR" a treaty: each is compared with its own kind.
    const kind = treaty.startsWith('OP') ? ARTICLE_PROTOCOLS : ARTICLE_TREATIES;
    const close = closestMatches(treaty, kind, (i) => [i]);
    return {
      ok: false,
      reason: `article code ${JSON.stringify(written)} names no known treaty${close.length ? ` (closest: ${close.join(', ')})` : ''}`,
    };
  }
  let rest = parts.slice(1);
  let instrument = treaty;
  const protocol = rest[0]?.toUpperCase();
  if (protocol && treaty === 'ECHR' && /^P\d+$/u.test(protocol)) {
    instrument = `ECHR-${protocol}`;
    rest = rest.slice(1);
  } else if (protocol && /^OP\d*$/u.test(protocol)) {
    const code = OHCHR_PROTOCOLS[`${treaty}-${protocol}`];
    if (!code) {
      const known = Object.entries(OHCHR_PROTOCOLS)
        .filter(([ohchr]) => ohchr.startsWith(`${treaty}-`))
        .map(([ohchr, canonical]) => `${ohchr} for ${canonical}`);
      return {
        ok: false,
        reason: `article code ${JSON.stringify(written)} names no known protocol of ${treaty}${known.length ? ` (known: ${known.join(', ')})` : ''}`,
      };
    }
    instrument = code;
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
