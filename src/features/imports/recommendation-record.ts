/**
 * The canonical shape every source format is turned into before it reaches the graph.
 * Importers parse and normalise; import.repository.ts writes these records.
 */
import type { UprResponse } from '../recommendations/index.ts';

export interface ThemeRef {
  /** The vocabulary: UHRI (current OHCHR names), UHRI_LEGACY (coded, e.g. "A12"), UPR_INFO, ... */
  readonly scheme: string;
  readonly code: string;
  readonly label: string;
}

export interface AffectedGroupRef {
  readonly code: string;
  readonly label: string;
}

export interface RecommendationRecord {
  /** Stable id: `{documentSymbol}#{paragraph}`, or derived deterministically where no symbol exists. */
  readonly id: string;
  readonly mechanism: string;
  /** ISO3 of the addressed state. */
  readonly state: string;
  readonly text: string;
  readonly language: string | null;
  /** ISO date (YYYY-MM-DD) when known. */
  readonly date: string | null;
  readonly year: number | null;
  readonly documentSymbol: string | null;
  readonly paragraph: string | null;
  readonly cycle: number | null;
  readonly session: number | null;
  /** ISO3 codes of the recommending states (UPR). */
  readonly recommendingStates: readonly string[];
  /** Recommending-state names that matched no state, kept as written. */
  readonly recommendingStatesUnmatched: readonly string[];
  readonly response: UprResponse | null;
  readonly themes: readonly ThemeRef[];
  readonly affectedGroups: readonly AffectedGroupRef[];
  /** SDG goal codes ("5") and target codes ("5.2"). */
  readonly sdgGoals: readonly string[];
  readonly sdgTargets: readonly string[];
  readonly source: SourceRef;
  /** Further sources of the same recommendation (after cross-source matching, or from an export). */
  readonly otherSources: readonly SourceRef[];
  /**
   * Properties this source only fills in when the recommendation has none yet (UPR Info has no
   * paragraph; a Working Group report's first decision yields to the final response). Omitted:
   * the record sets every property.
   */
  readonly weak?: readonly WeakField[];
  /**
   * When no recommendation has this record's id, join one with the same `textKey` (same
   * mechanism, state, cycle and wording) instead of creating a second: for sources without a
   * document symbol, whose ids are derived from the wording.
   */
  readonly adoptByText?: boolean;
  /** A voluntary pledge made by the state itself: stored as a Pledge, apart from recommendations. */
  readonly kind?: 'PLEDGE';
  /** Where a recommendation read from a document stands in it (documents/, not other formats). */
  readonly context?: RecommendationContext;
}

/**
 * What surrounds a recommendation in its document, kept beside its text rather than glued into
 * it: the chapeau of a sub-item, the concern paragraph(s) it answers, the words before its
 * operative sentence, and whether the source highlighted it.
 */
export interface RecommendationContext {
  readonly chapeau: string | null;
  readonly concern: string | null;
  /** Paragraph labels of the concern ("10", "10(a)"). */
  readonly concernParagraphs: readonly string[];
  readonly preamble: string | null;
  /** The source set it apart (CLADEM's bold); null when the source does not highlight. */
  readonly highlighted: boolean | null;
  /** The headings above it in the document, outermost first. */
  readonly headings: readonly string[];
}

export const WEAK_FIELDS = [
  'text',
  'language',
  'paragraph',
  'date',
  'year',
  'session',
  'documentSymbol',
  'response',
] as const;
export type WeakField = (typeof WEAK_FIELDS)[number];

/** What a row says about a mechanism it may create when the code is not yet known (NDJSON). */
export interface MechanismHint {
  readonly kind: string | null;
  readonly name: string | null;
}

export interface SourceRef {
  readonly dataset: string;
  readonly id: string;
  /**
   * UPR Info's action category of the row: 1 (minimal action) to 5 (specific action), as UPR
   * Info codes how much a recommendation asks. Absent from other sources.
   */
  readonly actionCategory?: number | null;
  /** A source's note on the row (a Working Group report's remark on the state's position). */
  readonly notes?: string | null;
}

/** "Women & girls" -> "women-girls": a code for vocabularies whose source gives labels only. */
export function slug(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A theme as sources write it: "A12 Acceptance of international norms" is OHCHR's older coded
 * taxonomy (UHRI_LEGACY, code A12); a bare name is a current UHRI theme (code: its slug).
 */
export function themeFromLabel(text: string): ThemeRef {
  const coded = /^([A-Z]\d{1,2})\s+(.+)$/u.exec(text);
  if (coded) return { scheme: 'UHRI_LEGACY', code: coded[1]!, label: coded[2]! };
  return { scheme: 'UHRI', code: slug(text), label: text };
}

/** The warning for a recommending state no name variant matches (the row is kept). */
export const unknownRecommendingState = (name: string) =>
  `unknown recommending state ${JSON.stringify(name)} kept as written`;
