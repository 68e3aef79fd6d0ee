/**
 * Splits a document's text into its paragraph units: numbered paragraphs and their sub-items,
 * with their official numbering, the headings above them and their emphasis (a source's
 * highlighting). Pure: no I/O. See docs/importing.md#documents.
 */
import {
  NUMBERING_STYLES,
  PLAIN_HEADINGS,
  PLAIN_SUBHEADING,
  YEAR_RANGE,
  subItemLabel,
  type NumberingRole,
} from './numbering.ts';

export interface Block {
  /** 1-based line of the block's first line in the file. */
  readonly line: number;
  /** The text without numbering, emphasis markers, footnote references or line breaks. */
  readonly text: string;
  /** Set in bold (fully or partly): a compiler's highlighting, e.g. CLADEM's. */
  readonly bold: boolean;
  /** Wholly in italics: a quotation (a treaty article quoted by MESECVI). */
  readonly quotation: boolean;
  /** A block of a paragraph that comes after its sub-items ("The State party should also …"). */
  readonly tail?: boolean;
}

export interface Unit {
  /** The official numbering as ids use it: "11", "11(a)", "107.14", "4.8.1". */
  readonly label: string;
  /** The paragraph a sub-item belongs to (its label); null for a paragraph. */
  readonly parent: string | null;
  readonly line: number;
  /** The headings above it, outermost first. */
  readonly headings: readonly string[];
  /** Its own blocks, the numbered one first (later ones are blocks without a number). */
  readonly blocks: Block[];
  /** Unnumbered blocks between the heading above it and it ("The Commission recommends:"). */
  readonly leadIn?: Block[];
}

export interface SegmentedDocument {
  readonly units: Unit[];
  /** Blocks before the first numbered paragraph (titles, a compiler's notes). */
  readonly preamble: Block[];
}

const ELISION = /^\(?\s*(?:…|\.\.\.)\s*\)?$/u;
const FOOTNOTE_DEFINITION = /^\[\^[^\]]+\]:/u;
const FOOTNOTE_REFERENCE = /\[\^[^\]]*\]/gu;
const HEADING = /^(#{1,6})\s+(.*)$/u;

/** Emphasis markers at the start, and whether the whole block is bold or italic. */
function stripMarkup(raw: string): { text: string; bold: boolean; quotation: boolean } {
  const withoutNotes = raw.replace(FOOTNOTE_REFERENCE, '');
  const bold = withoutNotes.includes('**');
  const trimmed = withoutNotes.trim();
  const quotation =
    /^_[^_]/u.test(trimmed) && /[^_]_[\s.;:,]*$/u.test(trimmed) && !trimmed.includes('**');
  const text = withoutNotes
    .replace(/\*\*/gu, '')
    .replace(/(^|[\s(])_(?=\S)/gu, '$1')
    .replace(/(?<=\S)_(?=[\s.,;:)]|$)/gu, '')
    .replace(/[\u00a0\u200b]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  return { text, bold, quotation };
}

interface RawBlock {
  line: number;
  indent: number;
  lines: string[];
}

/** Blank-line separated blocks, with headings, elisions and footnote definitions taken apart. */
function* rawBlocks(
  lines: readonly string[],
): Generator<RawBlock | { heading: string; level: number; line: number }> {
  let current: RawBlock | null = null;
  let inFrontMatter = lines[0]?.trim() === '---';
  let inFootnote = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/u, '');
    if (inFrontMatter) {
      if (i > 0 && line.trim() === '---') inFrontMatter = false;
      continue;
    }
    const trimmed = line.trim();
    // A plain-text heading stands alone between blank lines.
    const alone = !lines[i - 1]?.trim() && !lines[i + 1]?.trim();
    const plain = alone ? PLAIN_HEADINGS.find((h) => h.pattern.test(trimmed)) : undefined;
    const heading = plain
      ? (['', '#'.repeat(plain.level), trimmed] as const)
      : HEADING.exec(trimmed);
    if (!trimmed || ELISION.test(trimmed) || heading || FOOTNOTE_DEFINITION.test(trimmed)) {
      if (current) yield current;
      current = null;
      inFootnote = FOOTNOTE_DEFINITION.test(trimmed);
      if (heading) {
        // A heading may wrap onto the next line (up to the blank line).
        let text = heading[2];
        while (
          i + 1 < lines.length &&
          lines[i + 1]!.trim() &&
          !HEADING.exec(lines[i + 1]!.trim())
        ) {
          if (NUMBERING_STYLES.some((s) => s.pattern.test(lines[i + 1]!.trim()))) break;
          text += ` ${lines[++i]!.trim()}`;
        }
        yield { heading: stripMarkup(text).text, level: heading[1].length, line: i + 1 };
      }
      continue;
    }
    // A footnote definition runs on over following unindented lines.
    if (inFootnote && !current) continue;
    if (!current) {
      const indent = line.replace(/\t/gu, '    ').search(/\S/u);
      current = { line: i + 1, indent, lines: [trimmed] };
    } else current.lines.push(trimmed);
  }
  if (current) yield current;
}

interface Numbered {
  role: NumberingRole;
  number: string;
  letter?: string;
  rest: string;
}

/** The numbering a block starts with, if any (emphasis markers before it are skipped). */
function numberingOf(text: string): Numbered | null {
  const lead = /^[*_\s]*/u.exec(text)![0];
  const body = text.slice(lead.length);
  for (const style of NUMBERING_STYLES) {
    const m = style.pattern.exec(body);
    if (!m) continue;
    if (style.role === 'paragraph') {
      const n = Number(m[1]);
      if (n >= YEAR_RANGE.from && n <= YEAR_RANGE.to) return null;
    }
    const rest = lead.replace(/\s/gu, '') + body.slice(m[0].length);
    return {
      role: style.role,
      number: m[1]!,
      ...(m[2] ? { letter: m[2] } : {}),
      rest,
    };
  }
  return null;
}

const nextLetter = (letter: string) => String.fromCharCode(letter.charCodeAt(0) + 1);

/**
 * The units of a document. Rules (see docs/importing.md#documents):
 * - a block starting with a paragraph number opens a paragraph; a number lower than the
 *   current one, or an indented one, right after a chapeau ending in ":" opens a sub-item
 *   `{paragraph}.{n}` (the UPR's first-cycle lists);
 * - "107.14" extending the current paragraph's number is a sub-item labelled as written;
 * - letters and roman numerals open sub-items `{paragraph}(a)`; "i" after "h" is a letter;
 * - a block with no number belongs to the unit before it, or to its paragraph when it asks
 *   something itself (the `attachToParagraph` callback decides);
 * - a new heading of the level of the first heading seen, or a numbered heading, resets the
 *   paragraph; letters right under a numbered heading ("5.1 General recommendations") are its
 *   sub-items, `5.1(a)`.
 */
export function segment(
  lines: readonly string[],
  attachToParagraph: (text: string) => boolean = () => false,
): SegmentedDocument {
  const units: Unit[] = [];
  const preamble: Block[] = [];
  const headings: { level: number; text: string }[] = [];
  let paragraph: Unit | null = null;
  let current: Unit | null = null;
  let lastLetter: string | null = null;
  let chapeauOpen = false;
  let topLevel: number | null = null;
  /** A heading's own number ("5.1 Recomendaciones generales"), for letters right under it. */
  let headingNumber: { label: string; text: string; line: number } | null = null;

  /** Blocks after a heading and before the next number: the lead-in of what follows. */
  let leadIn: Block[] | null = null;
  const open = (label: string, parent: string | null, line: number, block: Block) => {
    const unit: Unit = {
      label,
      parent,
      line,
      headings: headings.map((h) => h.text),
      blocks: [block],
      ...(leadIn?.length ? { leadIn } : {}),
    };
    leadIn = null;
    units.push(unit);
    return unit;
  };

  for (const raw of rawBlocks(lines)) {
    if ('heading' in raw) {
      topLevel ??= raw.level;
      while (headings.length && headings.at(-1)!.level >= raw.level) headings.pop();
      headings.push({ level: raw.level, text: raw.heading });
      const numberedHeading = /^(\d+(?:\.\d+)*)\.?\s+\S/u.exec(raw.heading);
      headingNumber = numberedHeading
        ? { label: numberedHeading[1]!, text: raw.heading, line: raw.line }
        : null;
      if (raw.level <= topLevel || headingNumber) {
        paragraph = null;
        current = null;
        lastLetter = null;
        chapeauOpen = false;
      }
      leadIn = [];
      continue;
    }
    const joined = raw.lines.join(' ');
    const numbered = numberingOf(joined);
    if (
      !numbered &&
      raw.lines.length <= PLAIN_SUBHEADING.maxLines &&
      joined.length <= PLAIN_SUBHEADING.maxLength &&
      PLAIN_SUBHEADING.pattern.test(joined)
    ) {
      // A sub-heading below every Markdown one: it replaces the previous plain one.
      const level = 6;
      while (headings.length && headings.at(-1)!.level >= level) headings.pop();
      headings.push({ level, text: joined });
      leadIn = [];
      continue;
    }
    const markup = stripMarkup(numbered ? numbered.rest : joined);
    const block: Block = { line: raw.line, ...markup };
    if (!block.text) continue;

    let role = numbered?.role ?? null;
    // "i", "v", "x" continuing a run of letters are letters.
    if (role === 'roman' && lastLetter && numbered!.number === nextLetter(lastLetter)) {
      role = 'letter';
    }
    if (numbered && role === 'paragraph' && paragraph) {
      const n = Number(numbered.number);
      const current_ = Number(paragraph.label.split(/[.(]/u)[0]);
      const restart = chapeauOpen && (n < current_ || raw.indent >= 4) && n < 100;
      if (restart || (current?.parent === paragraph.label && raw.indent >= 4 && n < current_)) {
        current = open(`${paragraph.label}.${n}`, paragraph.label, raw.line, block);
        continue;
      }
    }
    if (numbered && role === 'multi-level') {
      const head = numbered.number.split('.')[0]!;
      if (paragraph && paragraph.label === head) {
        current = open(numbered.number, paragraph.label, raw.line, block);
        continue;
      }
      paragraph = current = open(numbered.number, null, raw.line, block);
      chapeauOpen = /:\s*$/u.test(block.text);
      lastLetter = null;
      continue;
    }
    if (numbered && role === 'paragraph-letter') {
      const parentLabel = numbered.number;
      if (!paragraph || paragraph.label !== parentLabel) {
        paragraph = open(parentLabel, null, raw.line, { ...block, text: '' });
      }
      current = open(subItemLabel(parentLabel, numbered.letter!), parentLabel, raw.line, block);
      lastLetter = numbered.letter!;
      continue;
    }
    if (numbered && role === 'paragraph') {
      paragraph = current = open(numbered.number, null, raw.line, block);
      chapeauOpen = /:\s*$/u.test(block.text);
      lastLetter = null;
      continue;
    }
    if (numbered && (role === 'letter' || role === 'roman') && !paragraph && headingNumber) {
      // Letters under a numbered heading belong to it: "5.1 Recomendaciones generales", "a.".
      const text = headingNumber.text.slice(headingNumber.label.length).replace(/^[.\s]+/u, '');
      paragraph = open(headingNumber.label, null, headingNumber.line, {
        line: headingNumber.line,
        text,
        bold: false,
        quotation: false,
      });
    }
    if (numbered && (role === 'letter' || role === 'roman') && paragraph) {
      if (role === 'letter') lastLetter = numbered.number;
      current = open(
        subItemLabel(paragraph.label, numbered.number),
        paragraph.label,
        raw.line,
        block,
      );
      continue;
    }
    // A block without a number (or a letter with no paragraph to belong to).
    if (leadIn) {
      leadIn.push(block);
      continue;
    }
    if (!current) {
      preamble.push(block);
      continue;
    }
    if (current !== paragraph && paragraph && attachToParagraph(block.text)) {
      paragraph.blocks.push({ ...block, tail: true });
      current = paragraph;
    } else current.blocks.push(block);
    // A list's chapeau stays open over what comes between it and its items.
    if (current === paragraph && /:\s*$/u.test(block.text)) chapeauOpen = true;
  }
  // A paragraph opened only to hold "1.a." items has an empty first block.
  for (const unit of units) {
    const first = unit.blocks[0];
    if (first && !first.text) unit.blocks.shift();
  }
  return { units, preamble };
}

/**
 * Blocks' text joined, without blocks wholly in italics after the first (a compiler's note such
 * as CLADEM's "No se observan recomendaciones…").
 */
export const blocksText = (blocks: readonly Block[]) =>
  blocks
    .filter((b, index) => index === 0 || !b.quotation)
    .map((b) => b.text)
    .join(' ')
    .trim();

/** A unit's text: its blocks from `from` on, joined (blocksText). */
export const unitText = (unit: Unit, from = 0) => blocksText(unit.blocks.slice(from));
