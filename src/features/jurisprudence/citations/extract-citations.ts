/**
 * Citations in a recommendation's text (EN/ES/FR): general comments and recommendations,
 * documents by symbol, communications and petitions, treaty articles and court cases, each with
 * a canonical reference (issue 27, item 2). Pure: no I/O. The words are data in
 * citation-vocabulary.ts.
 */
import { SYMBOL_IN_TEXT, normaliseSymbol } from '../../../core/document-symbols.ts';
import {
  ARTICLE_WORDS,
  BODY_ACRONYMS,
  CASE_AFTER_NAME_WORDS,
  CASE_WORDS,
  COMMENT_KIND,
  COMMENT_SYMBOLS,
  COMMITTEES,
  COMMUNICATION_WORDS,
  COMMUNITY_BEFORE_WORDS,
  COMMUNITY_CASE_COURT,
  COMMUNITY_WORDS,
  COURTS,
  COURT_NEAR,
  DETERMINERS,
  EARLIER_TREATY_CUES,
  EXTRA_SYMBOLS,
  GENERAL_COMMENT_WORDS,
  INDIGENOUS_WORDS,
  JOINT_COMMENTS,
  JOINT_WORDS,
  LIST_WORDS,
  MAX_CASE_NAME,
  MAX_PARAGRAPH_TO_SYMBOL,
  NAMED_PROTOCOLS,
  NATIONAL_LAW_ADJECTIVES,
  NATIONAL_LAW_WORDS,
  NOT_CASE_NAME_WORDS,
  NUMBER_SIGNS,
  OWN_BODY,
  OWN_TEXT_WORDS,
  OWN_PROTOCOL_WORDS,
  OWN_TREATY,
  OWN_TREATY_NOT_BEFORE,
  OWN_TREATY_WORDS,
  PARAGRAPH_OF,
  PARAGRAPH_WORDS,
  PETITION_BODY,
  PETITION_WORDS,
  PROTOCOL_CODES,
  PROTOCOL_HEADS,
  RANGE_WORDS,
  REPORT_PART,
  SPACED_ELEMENTS,
  SUBLEVEL_WORDS,
  THEREOF_WORDS,
  TREATIES,
  TREATY_CONNECTORS,
  TREATY_PREFIXES,
  VERSUS_COURT,
} from './citation-vocabulary.ts';

export type CitationKind = 'GENERAL_COMMENT' | 'DOCUMENT' | 'COMMUNICATION' | 'ARTICLE' | 'CASE';

/** One citation: `span` is exactly `text.slice(start, end)`. */
export interface Citation {
  kind: CitationKind;
  /** Canonical reference: `CEDAW/GR/35`, `CEDAW/C/ARG/CO/6#12`, `CEDAW 22/2009`, `CESCR-7-a-ii`, `IACTHR:…`. */
  reference: string;
  span: string;
  start: number;
  end: number;
}

/** The languages the vocabulary holds; any other string is accepted and read with all three. */
export type CitationLanguage = 'en' | 'es' | 'fr';

export interface CitationContext {
  /**
   * The text's language (`'en' | 'es' | 'fr'`, or any other tag). The tables hold all three
   * languages at once, so this documents the input rather than choosing a table.
   */
  language: CitationLanguage | (string & Record<never, never>) | null;
  /** The mechanism that wrote the text (CEDAW, CCPR, UPR, MESECVI, IACHR, GREVIO…). */
  mechanism: string | null;
}

/** Ranges longer than this are not expanded ("articles 1 to 300" is no citation list). */
const MAX_RANGE = 30;

/**
 * Lower case with accents removed, one character for one, so that a match in the folded text
 * has the same offsets in the original.
 */
export function foldKeepingOffsets(text: string): string {
  // Most texts are ASCII, which lower-cases one character for one.
  if (ASCII.test(text)) return text.toLowerCase();
  let out = '';
  for (const c of text) {
    if (c < '\u0080') {
      out += c.toLowerCase();
      continue;
    }
    let folded = FOLDED.get(c);
    if (folded === undefined) {
      const bare = c
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase();
      // Characters that fold to another length (ligatures, astral symbols) keep their length.
      folded = bare.length === c.length ? bare : c;
      if (FOLDED.size < 10_000) FOLDED.set(c, folded);
    }
    out += folded;
  }
  return out;
}

/** Non-ASCII characters already folded (accented letters repeat across texts). */
const FOLDED = new Map<string, string>();

/**
 * The text after `at`, as far as any pattern anchored there can reach: anchored patterns that
 * start with optional white space are slow on long runs of it, so they see a bounded window.
 */
const LOOKAHEAD = 400;
const ahead = (text: string, at: number) => text.slice(at, at + LOOKAHEAD);

/** Only ASCII characters (printable or not): lower-casing keeps every offset. */
const ASCII = /^\p{ASCII}*$/u;

/** A table pattern as a regex source: a space is any white space, an apostrophe ' or ’. */
const src = (pattern: string) =>
  pattern.replace(/'/gu, "['’]\\s*").replace(/ \?/gu, '\\s*').replace(/ /gu, '\\s+');
const alt = (patterns: readonly string[]) => patterns.map(src).join('|');
const NOT_WORD = '(?![\\p{L}\\p{N}])';

interface TreatyMatcher {
  readonly regex: RegExp;
  /** A treaty code, or 'OWN' / 'OWN_PROTOCOL' for the text's own. */
  readonly code: string;
}

/** Named treaties and protocols, longest name first, then the own-treaty words. */
const TREATY_MATCHERS: readonly TreatyMatcher[] = (() => {
  const named: { pattern: string; code: string }[] = [];
  for (const t of [...TREATIES, ...NAMED_PROTOCOLS])
    for (const name of t.names) named.push({ pattern: name, code: t.code });
  for (const t of TREATIES) {
    const op = PROTOCOL_CODES[t.code];
    if (!op) continue;
    for (const head of PROTOCOL_HEADS)
      for (const name of t.names) named.push({ pattern: head + name, code: op });
  }
  for (const head of PROTOCOL_HEADS)
    for (const word of OWN_TREATY_WORDS)
      named.push({ pattern: `${head}${word}${OWN_TREATY_NOT_BEFORE}`, code: 'OWN_PROTOCOL' });
  named.sort((a, b) => b.pattern.length - a.pattern.length);
  const own: { pattern: string; code: string }[] = [
    ...OWN_PROTOCOL_WORDS.map((w) => ({
      pattern: w + OWN_TREATY_NOT_BEFORE,
      code: 'OWN_PROTOCOL',
    })),
    ...OWN_TREATY_WORDS.map((w) => ({ pattern: w + OWN_TREATY_NOT_BEFORE, code: 'OWN' })),
  ];
  return [...named, ...own].map(({ pattern, code }) => ({
    regex: new RegExp(
      `(?:(?:${src(DETERMINERS)}) )?(?:(?:${src(TREATY_PREFIXES)}) )?(?:${src(pattern)})${NOT_WORD}`.replace(
        / /gu,
        '\\s+',
      ),
      'uy',
    ),
    code,
  }));
})();

/** Any named treaty anywhere (for "thereof" and "the CRC (article 37)"). */
const NAMED_ANYWHERE = TREATY_MATCHERS.filter((m) => !m.code.startsWith('OWN')).map((m) => ({
  regex: new RegExp(`(?<![\\p{L}\\p{N}])${m.regex.source}`, 'gu'),
  code: m.code,
}));

/** The treaty whose name (or own-treaty word) starts exactly at `at` in the folded text. */
function treatyAt(folded: string, at: number): { code: string; end: number } | null {
  for (const m of TREATY_MATCHERS) {
    m.regex.lastIndex = at;
    const hit = m.regex.exec(folded);
    if (hit) return { code: m.code, end: at + hit[0].length };
  }
  return null;
}

function resolveTreaty(code: string, mechanism: string | null): string | null {
  if (code === 'OWN') return mechanism ? (OWN_TREATY[mechanism] ?? null) : null;
  if (code === 'OWN_PROTOCOL') {
    const own = mechanism ? OWN_TREATY[mechanism] : undefined;
    return own ? (PROTOCOL_CODES[own] ?? null) : null;
  }
  return code;
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
function romanToInt(roman: string): number | null {
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const v = ROMAN[roman[i] ?? ''];
    const next = ROMAN[roman[i + 1] ?? ''] ?? 0;
    if (v === undefined) return null;
    total += v < next ? -v : v;
  }
  return total > 0 ? total : null;
}

const cite = (
  text: string,
  kind: CitationKind,
  reference: string,
  start: number,
  end: number,
): Citation => ({ kind, reference, span: text.slice(start, end), start, end });

// ---------------------------------------------------------------- general comments

const GC_WORD = new RegExp(`(?<![\\p{L}])(?:${alt(GENERAL_COMMENT_WORDS)})${NOT_WORD}`, 'gu');
const SIGNS = `(?:${src(NUMBER_SIGNS)})`;
const GC_FIRST = new RegExp(
  `^\\s*(${SIGNS})?\\s*(\\d{1,3}|[ivxlc]{1,7})${NOT_WORD}(?:\\s*\\(\\d{4}\\))?`,
  'u',
);
const GC_NEXT_DIRECT = new RegExp(
  `^\\s*(?:,|y|and|et|e)\\s*${SIGNS}?\\s*(\\d{1,3})${NOT_WORD}(?:\\s*\\(\\d{4}\\))?`,
  'u',
);
const GC_NEXT_FAR = new RegExp(
  `^[^.;]{0,160}?(?:,|\\by|\\band|\\bet|\\be)\\s+${SIGNS}\\s*(\\d{1,3})${NOT_WORD}(?:\\s*\\(\\d{4}\\))?`,
  'u',
);
const COMMITTEE_NAMES = COMMITTEES.flatMap((c) =>
  c.names.map((n) => ({ body: c.body, regex: new RegExp(src(n), 'u') })),
);
const COMMITTEE_AFTER = COMMITTEES.map((c) => ({
  body: c.body,
  regex: new RegExp(
    `^(?:\\s*\\(\\d{4}\\))?[^.;]{0,100}?(?:${src("of the|of|del|du|de la|de l'|by the|adopted by the")})\\s*(?:${alt(c.names)})`,
    'u',
  ),
}));
const COMMITTEE_BEFORE = COMMITTEES.map((c) => ({
  body: c.body,
  regex: new RegExp(
    `(?:${alt(c.names)})(?:['’]s)?\\s*(?:in its|in|its|en su|su|dans sa|sa)?\\s*$`,
    'u',
  ),
}));
const ACRONYM_AFTER = new RegExp(
  `^(?:\\s*\\(\\d{4}\\))?\\s*(?:of the|of|del|de la|du|de l['’])?\\s*(?:\\p{L}+\\s+)?(${Object.keys(BODY_ACRONYMS).join('|')})\\b(?!\\/)`,
  'u',
);
const ACRONYM_BEFORE = new RegExp(
  `\\b(${Object.keys(BODY_ACRONYMS).join('|')})(?:['’]s)?\\s*$`,
  'u',
);
const JOINT = new RegExp(`\\b(?:${JOINT_WORDS})\\b`, 'u');

/** The body of a general comment read around it, else the text's own. */
function commentBody(
  text: string,
  folded: string,
  start: number,
  end: number,
  mechanism: string | null,
): string | null {
  // The next general comment's words end the window: its committee is its own.
  const window = folded.slice(end, end + 160);
  GC_WORD.lastIndex = 0;
  const nextComment = GC_WORD.exec(window);
  const after = nextComment ? window.slice(0, nextComment.index) : window;
  let best: { body: string; at: number } | null = null;
  for (const c of COMMITTEE_AFTER) {
    const m = c.regex.exec(after);
    if (m && (!best || m[0].length < best.at)) best = { body: c.body, at: m[0].length };
  }
  if (best) return best.body;
  const acronym = ACRONYM_AFTER.exec(text.slice(end, end + after.length));
  if (acronym?.[1]) return BODY_ACRONYMS[acronym[1]] ?? null;
  const before = folded.slice(Math.max(0, start - 120), start);
  for (const c of COMMITTEE_BEFORE) if (c.regex.test(before)) return c.body;
  const acronymBefore = ACRONYM_BEFORE.exec(text.slice(Math.max(0, start - 12), start));
  if (acronymBefore?.[1]) return BODY_ACRONYMS[acronymBefore[1]] ?? null;
  return mechanism ? (OWN_BODY[mechanism] ?? null) : null;
}

function generalComments(text: string, folded: string, mechanism: string | null): Citation[] {
  const out: Citation[] = [];
  for (const word of folded.matchAll(GC_WORD)) {
    const start = word.index;
    let end = start + word[0].length;
    const first = GC_FIRST.exec(ahead(folded, end));
    if (!first?.[2]) continue;
    const raw = first[2];
    let n: number | null;
    if (/^\d+$/u.test(raw)) n = Number(raw);
    else {
      // A roman numeral needs a sign ("N.º XXIII") or capitals ("General Recommendation XIX").
      const original = text.slice(
        end + first[0].indexOf(raw),
        end + first[0].indexOf(raw) + raw.length,
      );
      n = first[1] || original === original.toUpperCase() ? romanToInt(raw) : null;
    }
    if (n === null) continue;
    const numbers: { n: number; start: number; end: number }[] = [
      { n, start, end: end + first[0].replace(/\s*\(\d{4}\)$/u, '').length },
    ];
    end += first[0].length;
    // Only a plural runs on to further numbers far from the first ("núm. 26 (2008), sobre …, y núm. 32").
    const plural = /s$/u.test(word[0]);
    for (;;) {
      const rest = ahead(folded, end);
      const next = GC_NEXT_DIRECT.exec(rest) ?? (plural ? GC_NEXT_FAR.exec(rest) : null);
      if (!next?.[1]) break;
      const numberEnd = end + next[0].replace(/\s*\(\d{4}\)$/u, '').length;
      numbers.push({ n: Number(next[1]), start: numberEnd - next[1].length, end: numberEnd });
      end += next[0].length;
    }
    for (const [i, num] of numbers.entries()) {
      const body = commentBody(text, folded, i === 0 ? start : num.start, num.end, mechanism);
      const kind = body ? COMMENT_KIND[body] : undefined;
      if (!body || !kind) continue;
      const reference = `${body}/${kind}/${num.n}`;
      out.push(cite(text, 'GENERAL_COMMENT', reference, i === 0 ? start : num.start, num.end));
      const pair = JOINT_COMMENTS.find((p) => p.includes(reference));
      const around = folded.slice(Math.max(0, start - 40), num.end + 200);
      if (pair && JOINT.test(around)) {
        const partner = pair[0] === reference ? pair[1] : pair[0];
        out.push(cite(text, 'GENERAL_COMMENT', partner, i === 0 ? start : num.start, num.end));
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- documents

const PARAGRAPHS = new RegExp(
  `^\\s*,?\\s*(?:(?:${src(REPORT_PART)})\\s*,?\\s*)?(?:paras?\\.|paragraphs?|parrs?\\.|parrafos?|par\\.|§)\\s*(\\d{1,3})((?:\\s*(?:,|y|and|et|e|a|al|to|-|–)\\s*\\d{1,3}${NOT_WORD})*)`,
  'u',
);
const DECISION_SYMBOL = /\/D\/\d+\/\d{4}/u;
/** The shared symbol pattern and the series it does not know. */
const SYMBOL = new RegExp([SYMBOL_IN_TEXT.source, ...EXTRA_SYMBOLS].join('|'), 'gu');
/** "CCPR/C/SR. 118": an element's period, then a space typed before its number. */
const SPACED_END = new RegExp(`(?:^|\\/)(?:${SPACED_ELEMENTS})\\.$`, 'u');
const SPACED_IN_SYMBOL = new RegExp(`\\b(${SPACED_ELEMENTS})\\.\\s+(?=\\d)`, 'gu');
/**
 * "párrafo 26 de sus anteriores observaciones finales (", "paragraphs 110 and 111 of the national
 * report (", "paragraph 65of document ": a paragraph written before its symbol, matched at the end
 * of the text before the symbol. The words between hold no number, sentence end or other symbol.
 */
const OWN_TEXT = new RegExp(`(?<![\\p{L}])(?:${OWN_TEXT_WORDS})(?![\\p{L}])`, 'u');
const PARAGRAPHS_BEFORE = new RegExp(
  `(?<![\\p{L}])(?:${PARAGRAPH_WORDS})\\s*(\\d{1,3})((?:\\s*(?:,|y|and|et|e|a|al|to|-|–)\\s*\\d{1,3}(?!\\d))*)\\s*(?:${PARAGRAPH_OF})\\s[^\\d.;:()/]{0,${MAX_PARAGRAPH_TO_SYMBOL}}\\(?\\s*$`,
  'u',
);

/** A general comment's own symbol as its canonical reference (`CEDAW/C/GC/35` → `CEDAW/GR/35`). */
function commentOfSymbol(symbol: string): string | null {
  for (const { body, pattern } of COMMENT_SYMBOLS) {
    const n = pattern.exec(symbol)?.[1];
    const kind = COMMENT_KIND[body];
    if (n && kind) return `${body}/${kind}/${Number(n)}`;
  }
  return null;
}

/** "12 and 13", "57 a 59": the numbers, ranges expanded. */
function numberList(first: string, rest: string): number[] {
  const out = [Number(first)];
  for (const m of rest.matchAll(/(,|y|and|et|e|a|al|to|-|–)\s*(\d{1,3})/gu)) {
    const n = Number(m[2]);
    const prev = out.at(-1) ?? n;
    if (['a', 'al', 'to', '-', '–'].includes(m[1] ?? '') && n > prev && n - prev <= MAX_RANGE)
      for (let k = prev + 1; k <= n; k++) out.push(k);
    else out.push(n);
  }
  return out;
}

function documents(text: string, folded: string): Citation[] {
  const out: Citation[] = [];
  for (const m of text.matchAll(SYMBOL)) {
    // The shared pattern stops some symbols before their addendum ("E/1984/6/Add.19").
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    const tail = /^(?:\s?\/\s?(?:Add|Rev|Corr)\.\s?\d+)*/u.exec(after)?.[0] ?? '';
    const joined = m[0] + tail;
    const spaced = SPACED_END.test(joined)
      ? (/^ \d+/u.exec(after.slice(tail.length))?.[0] ?? '')
      : '';
    const raw = (joined + spaced).replace(/[\s.,;:]+$/u, '');
    let start = m.index;
    let end = start + raw.length;
    const symbol = normaliseSymbol(raw).replace(SPACED_IN_SYMBOL, '$1.');
    // "MESECVI" alone is a name; a symbol has a slash and a number.
    if (!/\/.*\d|\d.*\//u.test(symbol)) continue;
    // A joint general comment's symbol is both symbols joined: "CEDAW/C/GC/31-CRC/C/GC/18".
    const comments = symbol.split(/-(?=[A-Z]+\/)/u).map(commentOfSymbol);
    if (comments.every((c) => c !== null)) {
      for (const c of comments) out.push(cite(text, 'GENERAL_COMMENT', c, start, end));
      continue;
    }
    if (DECISION_SYMBOL.test(symbol)) {
      out.push(cite(text, 'COMMUNICATION', symbol, start, end));
      continue;
    }
    const paragraphs = PARAGRAPHS.exec(ahead(folded, end));
    if (paragraphs?.[1]) {
      end += paragraphs[0].length;
      for (const p of numberList(paragraphs[1], paragraphs[2] ?? ''))
        out.push(cite(text, 'DOCUMENT', `${symbol}#${p}`, start, end));
      continue;
    }
    const windowStart = Math.max(0, start - MAX_PARAGRAPH_TO_SYMBOL - 40);
    const before = PARAGRAPHS_BEFORE.exec(folded.slice(windowStart, start));
    // "párrafo 5 de las presentes observaciones y el informe (…)": a paragraph of the text itself.
    if (before?.[1] && !OWN_TEXT.test(before[0])) {
      start = windowStart + before.index;
      for (const p of numberList(before[1], before[2] ?? ''))
        out.push(cite(text, 'DOCUMENT', `${symbol}#${p}`, start, end));
    } else out.push(cite(text, 'DOCUMENT', symbol, start, end));
  }
  return out;
}

// ---------------------------------------------------------------- communications

const COMMUNICATION = new RegExp(
  `(?<![\\p{L}])(?:(${COMMUNICATION_WORDS})|(${PETITION_WORDS}))\\s+(?:${SIGNS}\\s*)?(?:p-)?(\\d{1,5})\\s*[/-]\\s*(\\d{2,4})${NOT_WORD}((?:\\s*(?:,|y|and|et|e)\\s*(?:${SIGNS}\\s*)?(?:p-)?\\d{1,5}\\s*[/-]\\s*\\d{2,4}${NOT_WORD})*)`,
  'gu',
);

const ACRONYM_ANYWHERE = new RegExp(`\\b(${Object.keys(BODY_ACRONYMS).join('|')})\\b`, 'u');

function communicationBody(
  text: string,
  folded: string,
  start: number,
  end: number,
  mechanism: string | null,
): string | null {
  const window = folded.slice(Math.max(0, start - 150), end + 150);
  for (const c of COMMITTEE_NAMES) if (c.regex.test(window)) return c.body;
  const original = text.slice(Math.max(0, start - 150), end + 150);
  const acronym = ACRONYM_ANYWHERE.exec(original);
  if (acronym?.[1]) return BODY_ACRONYMS[acronym[1]] ?? null;
  return mechanism ? (OWN_BODY[mechanism] ?? null) : null;
}

function communications(text: string, folded: string, mechanism: string | null): Citation[] {
  const out: Citation[] = [];
  for (const m of folded.matchAll(COMMUNICATION)) {
    const start = m.index;
    const end = start + m[0].length;
    const body = m[2] ? PETITION_BODY : communicationBody(text, folded, start, end, mechanism);
    if (!body) continue;
    const all = [`${m[3]}/${m[4]}`];
    for (const more of (m[5] ?? '').matchAll(/(\d{1,5})\s*[/-]\s*(\d{2,4})/gu))
      all.push(`${more[1]}/${more[2]}`);
    for (const number of all)
      out.push(cite(text, 'COMMUNICATION', `${body} ${number}`, start, end));
  }
  return out;
}

// ---------------------------------------------------------------- articles

const ARTICLE_WORD = new RegExp(`(?<![\\p{L}])(?:${ARTICLE_WORDS})(?=[\\s\\d])`, 'gu');
/** A number, with its ordinal sign ("7º", "8º." in MESECVI texts) in group 2. */
const ARTICLE_NUMBER = /^\s*(\d{1,3})(?:\s*([º°])\.?)?(?:\s*bis)?(?![\p{L}\d/])/u;
/**
 * A bare lower-case letter after an ordinal article number is its sub-paragraph ("Art. 8º, d",
 * "8º h"): MESECVI's way. Not "y", "o", "u" (conjunctions), nor a letter before another article
 * word ("7º e Art. 8º"); see also ORDINAL_LETTER_END.
 */
const ORDINAL_LETTER = new RegExp(
  `^\\s*,?\\s*(?![ouy](?![\\p{L}\\p{N}]))([a-z])(?![\\p{L}\\p{N}])(?!\\s*(?:${ARTICLE_WORDS})(?![\\p{L}]))`,
  'u',
);
/**
 * What may follow such a letter (original text): punctuation, the end, another article of a list
 * ("8º, d, 7º h") or a capitalised treaty name ("8º d CVCM"), not a word ("7º, a fin de").
 */
const ORDINAL_LETTER_END = /^(?:\s*(?:[,;:)\]]|\.(?!\p{L})|$)|\s+(?:y|e|et|and)\s+\d|\s+\p{Lu})/u;
const LEVEL = '(\\d{1,2}|[a-z]|[ivx]{1,5})';
/** More sub-levels of the same article: "párrafos 1 y 2", "(párrafos 1 a 3)". */
const MORE_LEVELS = `((?:\\s*(?:,|y|and|et|a|to)\\s*\\d{1,2}(?![\\d/]))*)`;
const SUBLEVELS: readonly RegExp[] = [
  new RegExp(`^\\s*\\(\\s*(?:(?:${SUBLEVEL_WORDS})\\s*)?${LEVEL}\\.?${MORE_LEVELS}\\s*\\)`, 'u'),
  new RegExp(`^\\s*${LEVEL}\\)`, 'u'),
  // The Inter-American way: "artículo 1.1".
  /^\.(\d{1,2})(?![\d/.])/u,
  new RegExp(
    `^\\s*,?\\s*(?:${SUBLEVEL_WORDS})\\s*\\(?${LEVEL}\\)?${NOT_WORD}${MORE_LEVELS}(?!\\s*(?:de|of|del|du)\\s+(?:${src(NATIONAL_LAW_WORDS)}))`,
    'u',
  ),
  // "artículo 2 a." (a lower-case letter: "Art. 21 C. F." is the Código de Familia).
  /^\s*([a-df-np-xz])\.(?=\s)(?!\s*\d)/u,
];
/** The bare-letter sub-level above, which must be lower case in the original text. */
const BARE_LETTER = 4;
const LIST_SEPARATOR = new RegExp(
  `^(?:\\s*(?:${src(LIST_WORDS)}))+\\s*(?:(?:${ARTICLE_WORDS})\\s*)?(?=\\d)`,
  'u',
);
const RANGE_SEPARATOR = new RegExp(`^\\s*(?:${RANGE_WORDS})\\s*(?=\\d)`, 'u');
const CONNECTOR = new RegExp(`^\\s*,?\\s*(?:${src(TREATY_CONNECTORS)})(?:\\s+|(?<=['’]))`, 'u');
const THEREOF = new RegExp(`^\\s*,?\\s*(?:${alt(THEREOF_WORDS)})${NOT_WORD}`, 'u');
const NATIONAL_LAW_BEFORE = new RegExp(
  `(?<![\\p{L}])(?:${NATIONAL_LAW_WORDS})${NOT_WORD}[^.;]*$`,
  'u',
);
const NATIONAL_LAW_AFTER = new RegExp(`^\\s*(?:${NATIONAL_LAW_ADJECTIVES})${NOT_WORD}`, 'u');
/** "párrafo 1 del artículo 4": the sub-level written before the article. */
const LEVEL_BEFORE = new RegExp(
  `(?<![\\p{L}])(?:${SUBLEVEL_WORDS})\\s*\\(?${LEVEL}\\)?\\.?\\s*(?:del|of|de l['’]|du|de)\\s*$`,
  'u',
);

interface ArticleItem {
  paths: string[][];
}

/** The articles listed after "article(s)": "7 (a) (ii)", "2, 10 y 12", "32 to 36". */
function articleList(
  text: string,
  folded: string,
  at: number,
): { items: ArticleItem[]; end: number } | null {
  const items: ArticleItem[] = [];
  let pos = at;
  for (;;) {
    const number = ARTICLE_NUMBER.exec(ahead(folded, pos));
    if (!number?.[1]) break;
    pos += number[0].length;
    let paths: string[][] = [[number[1]]];
    const letter = number[2] ? ORDINAL_LETTER.exec(ahead(folded, pos)) : null;
    const afterLetter = pos + (letter?.[0].length ?? 0);
    if (
      letter?.[1] &&
      text[afterLetter - 1] === letter[1] &&
      ORDINAL_LETTER_END.test(text.slice(afterLetter, afterLetter + 40))
    ) {
      paths = [[number[1], letter[1]]];
      pos += letter[0].length;
    }
    for (let matched = true; matched;) {
      matched = false;
      for (const [index, sub] of SUBLEVELS.entries()) {
        const s = sub.exec(ahead(folded, pos));
        if (!s?.[1]) continue;
        if (index === BARE_LETTER && text[pos + s[0].length - 2] !== s[1]) continue;
        const levels = /^\d+$/u.test(s[1]) ? numberList(s[1], s[2] ?? '').map(String) : [s[1]];
        paths = paths.flatMap((p) => levels.map((l) => [...p, l]));
        pos += s[0].length;
        matched = true;
        break;
      }
    }
    items.push({ paths });
    const range = RANGE_SEPARATOR.exec(ahead(folded, pos));
    if (range) {
      const to = ARTICLE_NUMBER.exec(folded.slice(pos + range[0].length));
      const from = Number(number[1]);
      if (to?.[1] && Number(to[1]) > from && Number(to[1]) - from <= MAX_RANGE) {
        for (let k = from + 1; k <= Number(to[1]); k++) items.push({ paths: [[String(k)]] });
        pos += range[0].length + to[0].length;
      }
    }
    const list = LIST_SEPARATOR.exec(ahead(folded, pos));
    if (!list) break;
    pos += list[0].length;
  }
  // A list separator consumed before a number that was no article is given back.
  return items.length ? { items, end: pos } : null;
}

/** The last named treaty before `at` ("CEDAW … article 15 thereof"). */
function lastNamedTreaty(folded: string, at: number): string | null {
  let best: { code: string; index: number } | null = null;
  const before = folded.slice(0, at);
  for (const m of NAMED_ANYWHERE)
    for (const hit of before.matchAll(m.regex))
      if (!best || hit.index > best.index) best = { code: m.code, index: hit.index };
  return best?.code ?? null;
}

const EARLIER_TREATY_CUE = new RegExp(`(?<![\\p{L}])(?:${src(EARLIER_TREATY_CUES)})\\s*$`, 'u');
/** How far back (characters) a treaty named earlier in the sentence is looked for. */
const MAX_SENTENCE_BACK = 300;
const SENTENCE_END = /[;!?]|\.\s+(?=\p{Lu})/gu;
const NATIONAL_LAW_WORD = new RegExp(`(?<![\\p{L}])(?:${NATIONAL_LAW_WORDS})${NOT_WORD}`, 'u');

/**
 * "ratify CEDAW …, in particular article 2": in a text with no treaty of its own, an article cued
 * as a provision of something named earlier cites the treaty named last in the same sentence,
 * unless a national law is named after that treaty.
 */
function treatyEarlierInSentence(text: string, folded: string, at: number): string | null {
  if (!EARLIER_TREATY_CUE.test(folded.slice(Math.max(0, at - 40), at))) return null;
  const base = Math.max(0, at - MAX_SENTENCE_BACK);
  let from = base;
  for (const m of text.slice(base, at).matchAll(SENTENCE_END)) from = base + m.index + m[0].length;
  const sentence = folded.slice(from, at);
  let best: { code: string; index: number; end: number } | null = null;
  for (const m of NAMED_ANYWHERE)
    for (const hit of sentence.matchAll(m.regex)) {
      const end = hit.index + hit[0].length;
      if (!best || end > best.end || (end === best.end && hit.index < best.index))
        best = { code: m.code, index: hit.index, end };
    }
  if (!best || NATIONAL_LAW_WORD.test(sentence.slice(best.end))) return null;
  return best.code;
}

/** Treaty names anchored at the end, for "la Convención (art. 5)", "the CRC (article 37)". */
const TREATY_AT_END = TREATY_MATCHERS.map((m) => ({
  regex: new RegExp(`(?:${m.regex.source})$`, 'u'),
  code: m.code,
}));

/** A named treaty right before ("la Convención (art. 5)", "the CRC (article 37)"). */
function treatyJustBefore(folded: string, at: number): string | null {
  const before = folded.slice(Math.max(0, at - 200), at).replace(/[\s(,]*$/u, '');
  return TREATY_AT_END.find((m) => m.regex.test(before))?.code ?? null;
}

function articles(text: string, folded: string, mechanism: string | null): Citation[] {
  const out: Citation[] = [];
  // In a UPR text, or any text with no treaty of its own, "the Convention" is ambiguous.
  const ownAllowed = mechanism !== null && mechanism !== 'UPR';
  for (const word of folded.matchAll(ARTICLE_WORD)) {
    let start = word.index;
    const list = articleList(text, folded, start + word[0].length);
    if (!list) continue;
    let end = list.end;
    let code: string | null = null;
    const connector = CONNECTOR.exec(ahead(folded, end));
    const thereof = THEREOF.exec(ahead(folded, end));
    if (thereof) {
      code = lastNamedTreaty(folded, start) ?? 'OWN';
      end += thereof[0].length;
    } else if (connector) {
      const treaty = treatyAt(folded, end + connector[0].length);
      // "artículo 86 del Código Penal", "article 10 of the Law on …": no treaty article.
      if (!treaty) continue;
      code = treaty.code;
      end = treaty.end;
    } else {
      const direct = treatyAt(
        folded,
        end + (/^\s*,?\s*/u.exec(ahead(folded, end))?.[0].length ?? 0),
      );
      if (direct && !direct.code.startsWith('OWN')) {
        code = direct.code;
        end = direct.end;
      } else {
        const justBefore = treatyJustBefore(folded, start);
        if (justBefore) code = justBefore;
        else if (NATIONAL_LAW_BEFORE.test(folded.slice(Math.max(0, start - 60), start))) continue;
        else if (NATIONAL_LAW_AFTER.test(folded.slice(end, end + 40))) continue;
        else code = (ownAllowed ? null : treatyEarlierInSentence(text, folded, start)) ?? 'OWN';
      }
    }
    if (code.startsWith('OWN') && !ownAllowed) continue;
    const treaty = resolveTreaty(code, mechanism);
    if (!treaty) continue;
    const levelBefore = LEVEL_BEFORE.exec(folded.slice(Math.max(0, start - 40), start));
    const single = list.items.length === 1 && list.items[0]?.paths.length === 1;
    if (levelBefore?.[1] && single) start -= levelBefore[0].length;
    for (const item of list.items)
      for (const path of item.paths) {
        const full =
          levelBefore?.[1] && single ? [path[0] ?? '', levelBefore[1], ...path.slice(1)] : path;
        out.push(cite(text, 'ARTICLE', [treaty, ...full].join('-'), start, end));
      }
  }
  return out;
}

// ---------------------------------------------------------------- court cases

const VERSUS =
  /\s([Vv][Ss]\.|v\.|c\.|contra|versus)\s+((?:(?:el|la|los|las|the|le|l['’])\s+)?\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:de|del|and|y|et)\s+)?\p{Lu}[\p{L}'’-]*){0,3})/u;
const CASE_WORD = new RegExp(`(?<![\\p{L}])(?:${CASE_WORDS})\\s+(?:de\\s+)?`, 'gu');
const CASE_NAME_ALONE =
  /^[“"«]?\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:de|del|y|and|of|the|la|el|los|las)\s+)?[“"«]?\p{Lu}[\p{L}'’-]*[”"»]?)*[”"»]?/u;
const COURT_NAMES = COURTS.map((c) => ({
  court: c.court,
  regex: new RegExp(`\\b(?:${alt(c.names)})\\b`, 'u'),
}));
/** "Opuz v. Turkey", "A, B and C versus Ireland", "González y otras (“Campo Algodonero”) vs. México". */
const NAME_WITH_VERSUS =
  /(?<![\p{L}])(\p{Lu}[\p{L}'’.-]*(?:,?\s+(?:(?:y|and|et|de|del|la)\s+)?(?:otr[oa]s|others|autres|\p{Lu}[\p{L}'’.-]*|\([^)]{1,40}\))){0,5})\s+([Vv][Ss]\.|v\.|versus)\s/gu;
/** "in the Saramaka People case", "the Opuz judgment": English names a case before "case". */
const NAME_THEN_CASE = new RegExp(
  `(?<![\\p{L}])the\\s+(\\p{Lu}[\\p{L}'’-]*(?:\\s+(?:(?:of|and|de|del|y)\\s+)?\\p{Lu}[\\p{L}'’-]*){0,4})\\s+(?:${CASE_AFTER_NAME_WORDS})(?![\\p{L}])`,
  'gu',
);
const NOT_CASE_NAME = new RegExp(`(?<![\\p{L}])(?:${NOT_CASE_NAME_WORDS})(?![\\p{L}])`, 'u');
/** "the Yakye Axa and Sawhoyamaxa indigenous communities", "comunidad indígena Yakye Axa". */
const COMMUNITY_AFTER = new RegExp(
  `(?<![\\p{L}])(?:(?:${INDIGENOUS_WORDS})\\s+)?(?:${COMMUNITY_WORDS})(?![\\p{L}])`,
  'gu',
);
const COMMUNITY_BEFORE = new RegExp(
  `(?<![\\p{L}])(?:${COMMUNITY_BEFORE_WORDS})\\s+(?:(?:${INDIGENOUS_WORDS})\\s+)?(?:de\\s+)?`,
  'gu',
);
const COMMUNITY_NAME = "\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*){0,2}";
const NAMES_BEFORE_COMMUNITY = new RegExp(
  `(?<![\\p{L}])(${COMMUNITY_NAME})(?:\\s+(?:and|y|et)\\s+(${COMMUNITY_NAME}))?\\s+$`,
  'u',
);
const NAMES_AFTER_COMMUNITY = new RegExp(
  `^(${COMMUNITY_NAME})(?:\\s+(?:and|y|et)\\s+(${COMMUNITY_NAME}))?(?![\\p{L}])`,
  'u',
);

const OWN_COURT_VERSUS = new RegExp(
  `\\s(?:${Object.keys(VERSUS_COURT)
    .map((v) => v.replace(/\./gu, '\\.'))
    .join('|')})\\s`,
  'iu',
);

/** The court named before `at` in the same sentence, at most COURT_NEAR characters back. */
function courtBeforeInSentence(text: string, folded: string, at: number): string | null {
  const base = Math.max(0, at - COURT_NEAR);
  let from = base;
  for (const m of text.slice(base, at).matchAll(SENTENCE_END)) from = base + m.index + m[0].length;
  const window = folded.slice(from, at);
  return COURT_NAMES.find((c) => c.regex.test(window))?.court ?? null;
}

/** The court named within COURT_NEAR characters of a span, if any. */
function courtNear(folded: string, start: number, end: number): string | null {
  const window = folded.slice(Math.max(0, start - COURT_NEAR), end + COURT_NEAR);
  return COURT_NAMES.find((c) => c.regex.test(window))?.court ?? null;
}

function courtOf(folded: string, versus: string | undefined): string | null {
  const named = COURT_NAMES.find((c) => c.regex.test(folded));
  if (named) return named.court;
  return versus ? (VERSUS_COURT[versus.toLowerCase()] ?? null) : null;
}

function cases(text: string, folded: string): Citation[] {
  const out: Citation[] = [];
  const taken: [number, number][] = [];
  for (const word of folded.matchAll(CASE_WORD)) {
    if (!/[\p{Lu}“"«]/u.test(text[word.index + word[0].length] ?? '')) continue;
    const start = word.index + word[0].length;
    const rest = text.slice(start, start + MAX_CASE_NAME + 60);
    const versus = VERSUS.exec(rest);
    let end: number;
    let name: string;
    if (
      versus &&
      versus.index <= MAX_CASE_NAME &&
      !/[;\n]\s*\n/u.test(rest.slice(0, versus.index))
    ) {
      end = start + versus.index + versus[0].length;
      name = text.slice(start, end);
    } else {
      const alone = CASE_NAME_ALONE.exec(rest);
      // Without "vs." only a court named in the text makes it a court case.
      if (!alone || !COURT_NAMES.some((c) => c.regex.test(folded))) continue;
      end = start + alone[0].length;
      name = alone[0];
    }
    const court = courtOf(folded, versus?.[1]);
    if (!court) continue;
    taken.push([start, end]);
    out.push(cite(text, 'CASE', `${court}:${name.replace(/\s+/gu, ' ').trim()}`, start, end));
  }
  // "vs." names an Inter-American case by itself; "v." and "versus" need a court named.
  const courtNamed = COURT_NAMES.some((c) => c.regex.test(folded));
  if (!courtNamed && !OWN_COURT_VERSUS.test(text)) return out;
  for (const m of text.matchAll(NAME_WITH_VERSUS)) {
    const start = m.index;
    const versus = VERSUS.exec(text.slice(start + (m[1]?.length ?? 0)));
    if (!versus || versus.index !== 0) continue;
    const end = start + (m[1]?.length ?? 0) + versus[0].length;
    if (taken.some(([s, e]) => start < e && end > s)) continue;
    const court = courtOf(folded, versus[1]);
    if (!court) continue;
    taken.push([start, end]);
    out.push(
      cite(text, 'CASE', `${court}:${text.slice(start, end).replace(/\s+/gu, ' ')}`, start, end),
    );
  }
  if (!courtNamed) return out;
  for (const m of text.matchAll(NAME_THEN_CASE)) {
    const name = m[1] ?? '';
    const start = m.index + m[0].indexOf(name, 3);
    const end = start + name.length;
    if (taken.some(([s, e]) => start < e && end > s)) continue;
    if (NOT_CASE_NAME.test(folded.slice(start, end))) continue;
    const court = courtNear(folded, start, end);
    if (!court) continue;
    taken.push([start, end]);
    out.push(cite(text, 'CASE', `${court}:${name.replace(/\s+/gu, ' ')}`, start, end));
  }
  // The Inter-American Court's indigenous-land cases, cited by the community's name.
  const communityNames: { start: number; name: string }[] = [];
  for (const m of folded.matchAll(COMMUNITY_AFTER)) {
    const from = Math.max(0, m.index - 80);
    const names = NAMES_BEFORE_COMMUNITY.exec(text.slice(from, m.index));
    if (!names?.[1]) continue;
    const first = from + names.index;
    communityNames.push({ start: first, name: names[1] });
    if (names[2])
      communityNames.push({
        start: first + names[0].indexOf(names[2], names[1].length),
        name: names[2],
      });
  }
  for (const m of folded.matchAll(COMMUNITY_BEFORE)) {
    const at = m.index + m[0].length;
    const names = NAMES_AFTER_COMMUNITY.exec(text.slice(at, at + 80));
    if (!names?.[1]) continue;
    communityNames.push({ start: at, name: names[1] });
    if (names[2])
      communityNames.push({
        start: at + names[0].indexOf(names[2], names[1].length),
        name: names[2],
      });
  }
  for (const { start, name } of communityNames) {
    const end = start + name.length;
    if (taken.some(([s, e]) => start < e && end > s)) continue;
    if (NOT_CASE_NAME.test(folded.slice(start, end))) continue;
    if (courtBeforeInSentence(text, folded, start) !== COMMUNITY_CASE_COURT) continue;
    taken.push([start, end]);
    out.push(
      cite(text, 'CASE', `${COMMUNITY_CASE_COURT}:${name.replace(/\s+/gu, ' ')}`, start, end),
    );
  }
  return out;
}

// ---------------------------------------------------------------- all

/**
 * Every citation in a text, in the order they appear; a span citing several things (two
 * paragraphs, a range of articles, a joint general comment) gives one citation each.
 *
 * @example
 * extractCitations('recuerda su recomendación general núm. 35', { language: 'es', mechanism: 'CEDAW' })
 * // → [{ kind: 'GENERAL_COMMENT', reference: 'CEDAW/GR/35', span: 'recomendación general núm. 35', … }]
 */
export function extractCitations(text: string, context: CitationContext): Citation[] {
  const composed = text.normalize('NFC');
  if (composed !== text) {
    // Decomposed input ("o" + U+0301) is read composed, and the offsets mapped back.
    const toOriginal = composedOffsets(text);
    return extractComposed(composed, context).map((c) => {
      const start = toOriginal[c.start] ?? text.length;
      const end = toOriginal[c.end] ?? text.length;
      return { ...c, start, end, span: text.slice(start, end) };
    });
  }
  return extractComposed(text, context);
}

/** For each offset of `text.normalize('NFC')`, the offset in `text` it comes from. */
function composedOffsets(text: string): number[] {
  const map: number[] = [];
  for (const segment of text.matchAll(/\P{M}\p{M}*|\p{M}+/gsu)) {
    const length = segment[0].normalize('NFC').length;
    for (let k = 0; k < length; k++) map.push(segment.index);
  }
  map.push(text.length);
  return map;
}

function extractComposed(text: string, context: CitationContext): Citation[] {
  const folded = foldKeepingOffsets(text);
  const mechanism = context.mechanism?.toUpperCase() ?? null;
  const all = [
    ...generalComments(text, folded, mechanism),
    ...documents(text, folded),
    ...communications(text, folded, mechanism),
    ...articles(text, folded, mechanism),
    ...cases(text, folded),
  ];
  const seen = new Set<string>();
  return all
    .filter((c) => {
      const key = `${c.kind}|${c.reference}|${c.start}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
}
