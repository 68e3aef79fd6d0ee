/**
 * Tells recommendations from concerns and narrative by their operative phrases (phrases.ts),
 * and gives each recommendation its context: the chapeau its sub-item hangs from, the concern
 * it answers, and any text before its operative sentence. See docs/importing.md#documents.
 */
import {
  MAX_WORDS_AFTER_PRONOUN,
  MAX_WORDS_BEFORE_OBLIGATION,
  RELATIVE,
  MAX_WORDS_BETWEEN_SUBJECT_AND_VERB,
  PHRASES,
  SENTENCE_END,
  foldForPhrases,
  type DocumentLanguage,
} from './phrases.ts';
import {
  blocksText,
  segment,
  unitText,
  type Block,
  type SegmentedDocument,
  type Unit,
} from './segment.ts';

export const UNIT_KINDS = [
  'RECOMMENDATION',
  'CONCERN',
  /** A paragraph whose sub-items carry the asks (or the concerns): "The Committee urges …:". */
  'CHAPEAU',
  /** Quoted text (a treaty article), not the mechanism's own words. */
  'QUOTATION',
  'NARRATIVE',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface ClassifiedUnit {
  readonly label: string;
  readonly parent: string | null;
  readonly line: number;
  readonly kind: UnitKind;
  /** The unit's words; for a recommendation, from its operative sentence on. */
  readonly text: string;
  readonly headings: readonly string[];
  /** Highlighted in the source (bold), e.g. by a compiler such as CLADEM. */
  readonly highlighted: boolean;
  /** For a sub-item: its paragraph's chapeau text. */
  readonly chapeau: string | null;
  /** For a recommendation: the concern paragraph(s) before it that it answers. */
  readonly concern: string | null;
  readonly concernLabels: readonly string[];
  /** The same concerns by their place in the document's units (labels can repeat). */
  readonly concernIndexes: readonly number[];
  /** Its paragraph's place in the document's units, for a sub-item. */
  readonly parentIndex: number | null;
  /** For a recommendation: the text of the unit before its operative part (a quoted article). */
  readonly preamble: string | null;
}

interface Matchers {
  operative: RegExp;
  concern: RegExp;
  list: RegExp;
  recommendationHeading: RegExp;
  narrativeHeading: RegExp;
}

const alternatives = (items: readonly string[]) => items.map((p) => `(?:${p})`).join('|');

function matchersFor(language: DocumentLanguage): Matchers {
  const t = PHRASES[language];
  // Words between subject and verb; the verb is not the first of a relative clause
  // ("las mujeres que solicitan asistencia").
  const gap = (n: number) => `(?: [\\p{L}\\p{N}()/-]+){0,${n}}(?<! (?:${RELATIVE.join('|')}))`;
  return {
    operative: new RegExp(
      `(?:^| )(?:${alternatives(t.subjects)})${gap(MAX_WORDS_BETWEEN_SUBJECT_AND_VERB)} (?:${alternatives(t.operative)})(?= |$)` +
        `|(?:^| )(?:${alternatives(t.pronouns)})${gap(MAX_WORDS_AFTER_PRONOUN)} (?:${alternatives(t.operative)})(?= |$)` +
        `|(?:^| )(?:${alternatives(t.firstPerson)})(?= |$)` +
        // A sentence that opens with the verb, its speaker the subject of the one before.
        `|^(?:${alternatives(t.operative)}) (?:al?|a la|que|the|that|a l|l|le|la|les|au|aux)(?= )` +
        `|(?:^| )(?:${alternatives(t.stateSubjects)})${gap(MAX_WORDS_BEFORE_OBLIGATION)} (?:${alternatives(t.obligation)})(?= |$)`,
      'u',
    ),
    concern: new RegExp(`(?:^| )(?:${alternatives(t.concern)})(?= |$)`, 'u'),
    list: new RegExp(`(?:^| )(?:${alternatives(t.recommendationList)})(?= |$)`, 'u'),
    recommendationHeading: new RegExp(
      `^(?:[ivxlc]+ |[a-z] |[\\d ]+ )?(?:${alternatives(t.recommendationHeadings)})(?: |$)`,
      'u',
    ),
    narrativeHeading: new RegExp(
      `^(?:[ivxlc]+ |[a-z] |[\\d ]+ )?(?:${alternatives(t.narrativeHeadings)})`,
      'u',
    ),
  };
}

const MATCHERS = new Map<DocumentLanguage, Matchers>();
const matchers = (language: DocumentLanguage) => {
  let found = MATCHERS.get(language);
  if (!found) MATCHERS.set(language, (found = matchersFor(language)));
  return found;
};

/** Whether a text asks something of the state by an operative phrase. */
export function isOperative(text: string, language: DocumentLanguage): boolean {
  const { operative } = matchers(language);
  return text.split(SENTENCE_END).some((sentence) => operative.test(foldForPhrases(sentence)));
}

/** Whether a text voices a concern. */
export function isConcern(text: string, language: DocumentLanguage): boolean {
  return matchers(language).concern.test(foldForPhrases(text));
}

const endsWithColon = (text: string) => /:\s*$/u.test(text);

/** Splits a document and classifies its units. */
export function classifyDocument(
  lines: readonly string[],
  language: DocumentLanguage,
): { units: ClassifiedUnit[]; segmented: SegmentedDocument } {
  const m = matchers(language);
  const segmented = segment(lines, (text) => isOperative(text, language));
  // A sub-item's paragraph is the last unit before it with that label (labels can repeat).
  const parentOf = new Map<Unit, Unit>();
  const children = new Map<Unit, Unit[]>();
  const latest = new Map<string, Unit>();
  for (const unit of segmented.units) {
    const parent = unit.parent ? latest.get(unit.parent) : undefined;
    if (parent) {
      parentOf.set(unit, parent);
      children.set(parent, [...(children.get(parent) ?? []), unit]);
    }
    latest.set(unit.label, unit);
  }

  const kinds = new Map<Unit, UnitKind>();
  /** For a chapeau: what its sub-items are when they have no phrase of their own. */
  const chapeauKind = new Map<Unit, UnitKind>();
  /** For a chapeau: the words its sub-items hang from, and the concern voiced before them. */
  const chapeauText = new Map<Unit, string>();
  const chapeauConcern = new Map<Unit, string>();
  /** For a recommendation: its own blocks from the operative one on; before them, its preamble. */
  const ownText = new Map<Unit, { text: string; preamble: string | null }>();

  /** The kind of some blocks, and where their operative part starts. */
  const kindOf = (blocks: readonly Block[]): { kind: UnitKind; from: number } => {
    if (!blocks.some((b) => !b.quotation)) return { kind: 'QUOTATION', from: 0 };
    const from = blocks.findIndex((b) => !b.quotation && isOperative(b.text, language));
    if (from >= 0) return { kind: 'RECOMMENDATION', from };
    const text = foldForPhrases(
      blocks
        .filter((b) => !b.quotation)
        .map((b) => b.text)
        .join(' '),
    );
    if (m.list.test(text)) return { kind: 'RECOMMENDATION', from: 0 };
    if (m.concern.test(text)) return { kind: 'CONCERN', from: 0 };
    return { kind: 'NARRATIVE', from: 0 };
  };
  const headingKind = (unit: Unit): UnitKind | null => {
    const heading = foldForPhrases(unit.headings.at(-1) ?? '');
    if (m.recommendationHeading.test(heading)) return 'RECOMMENDATION';
    if (m.narrativeHeading.test(heading)) return 'NARRATIVE';
    return null;
  };
  const asRecommendation = (unit: Unit, blocks: readonly Block[], from: number) => {
    const before = blocks.slice(0, from).filter((b) => !b.quotation || from > 0);
    ownText.set(unit, {
      text: blocksText(blocks.slice(from)),
      preamble: before.length ? before.map((b) => b.text).join(' ') : null,
    });
  };

  /**
   * A block that ends a paragraph with ":" and asks ("la CIDH recomienda al Estado:") opens a
   * list of numbered paragraphs that are recommendations without a verb of their own.
   */
  let openList: { text: string; headings: string } | null = null;
  const listChapeau = new Map<Unit, string>();

  for (const unit of segmented.units) {
    const head = unit.blocks.filter((b) => !b.tail);
    const tail = unit.blocks.filter((b) => b.tail);
    const parent = parentOf.get(unit);
    const lead = unit.leadIn?.filter((b) => !b.quotation).at(-1);
    if (!parent && lead && endsWithColon(lead.text) && kindOf([lead]).kind === 'RECOMMENDATION')
      openList = { text: lead.text, headings: unit.headings.join('\u0000') };
    const own = kindOf(unit.blocks);
    const from = own.from;
    let kind = own.kind;
    if (parent) {
      // A sub-item without a phrase of its own takes its chapeau's kind.
      if (kind === 'NARRATIVE' && kinds.get(parent) !== undefined && chapeauKind.has(parent))
        kind = chapeauKind.get(parent)!;
    } else if (kind === 'NARRATIVE' && openList?.headings === unit.headings.join('\u0000')) {
      kind = 'RECOMMENDATION';
      listChapeau.set(unit, openList.text);
    } else if (kind === 'NARRATIVE' && headingKind(unit) === 'RECOMMENDATION') {
      kind = 'RECOMMENDATION';
    }
    if (!parent && !listChapeau.has(unit)) openList = null;
    const ownChildren = children.get(unit) ?? [];
    const lastHead = head.filter((b) => !b.quotation).at(-1);
    if (
      ownChildren.length &&
      head.some((b) => !b.quotation) &&
      ((lastHead && endsWithColon(lastHead.text)) || head.length === 1)
    ) {
      // A chapeau: its sub-items are the records (or the concerns), it is their context. Blocks
      // after the sub-items that ask something make it a recommendation as well.
      const headKind = kindOf(head);
      chapeauKind.set(
        unit,
        headKind.kind === 'NARRATIVE' ? (headingKind(unit) ?? 'NARRATIVE') : headKind.kind,
      );
      chapeauText.set(unit, blocksText(head.slice(headKind.from)));
      const voiced = head
        .slice(0, headKind.from)
        .map((b) => b.text)
        .join(' ');
      if (voiced && isConcern(voiced, language)) chapeauConcern.set(unit, voiced);
      const tailKind = tail.length ? kindOf(tail) : null;
      if (tailKind?.kind === 'RECOMMENDATION') {
        kind = 'RECOMMENDATION';
        ownText.set(unit, { text: blocksText(tail.slice(tailKind.from)), preamble: null });
      } else kind = 'CHAPEAU';
    } else if (kind === 'RECOMMENDATION') {
      asRecommendation(unit, unit.blocks, from);
    }
    const last = unit.blocks.filter((b) => !b.quotation).at(-1);
    if (
      !parent &&
      !ownChildren.length &&
      last &&
      unit.blocks.length > 1 &&
      endsWithColon(last.text) &&
      kindOf([last]).kind === 'RECOMMENDATION'
    ) {
      openList = { text: last.text, headings: unit.headings.join('\u0000') };
      // The lead-in is the next paragraphs' chapeau, not this paragraph's recommendation.
      if (kind === 'RECOMMENDATION' && ownText.get(unit)?.text === last.text) kind = 'NARRATIVE';
    }
    kinds.set(unit, kind);
  }

  const units: ClassifiedUnit[] = [];
  // The concern paragraphs (and their sub-items) that the next recommendations answer: a run
  // of concerns since the last paragraph that was not one.
  let concerns: (ClassifiedUnit & { index: number })[] = [];
  const indexOf = new Map(segmented.units.map((u, i) => [u, i]));
  let lastParagraphConcern = false;
  let lastHeadings = '';
  for (const unit of segmented.units) {
    const kind = kinds.get(unit)!;
    const headingsKey = unit.headings.join('\u0000');
    if (headingsKey !== lastHeadings) {
      concerns = [];
      lastParagraphConcern = false;
    }
    lastHeadings = headingsKey;
    const parent = parentOf.get(unit) ?? null;
    const recommendation = kind === 'RECOMMENDATION';
    const own = recommendation ? ownText.get(unit) : undefined;
    const voiced = [
      ...concerns.map((c) => ({ label: c.label, text: c.text, index: c.index })),
      ...(parent && chapeauConcern.has(parent)
        ? [{ label: parent.label, text: chapeauConcern.get(parent)!, index: indexOf.get(parent)! }]
        : []),
      ...(chapeauConcern.has(unit)
        ? [{ label: unit.label, text: chapeauConcern.get(unit)!, index: indexOf.get(unit)! }]
        : []),
    ];
    const concernLike =
      kind === 'CONCERN' || (kind === 'CHAPEAU' && chapeauKind.get(unit) === 'CONCERN');
    const classified: ClassifiedUnit = {
      label: unit.label,
      parent: unit.parent,
      line: unit.line,
      kind,
      text: own?.text ?? unitText(unit),
      headings: unit.headings,
      highlighted: unit.blocks.some((b) => b.bold),
      chapeau: parent ? (chapeauText.get(parent) ?? null) : (listChapeau.get(unit) ?? null),
      concern: recommendation && voiced.length ? voiced.map((c) => c.text).join(' ') : null,
      concernLabels: recommendation ? voiced.map((c) => c.label) : [],
      concernIndexes: recommendation ? voiced.map((c) => c.index) : [],
      parentIndex: parent ? indexOf.get(parent)! : null,
      preamble: own?.preamble ?? null,
    };
    units.push(classified);
    const index = units.length - 1;
    if (!unit.parent) {
      if (concernLike) {
        if (!lastParagraphConcern) concerns = [];
        concerns.push({ ...classified, index });
      }
      lastParagraphConcern = concernLike;
    } else if (kind === 'CONCERN' && lastParagraphConcern) {
      concerns.push({ ...classified, index });
    }
  }
  return { units, segmented };
}
