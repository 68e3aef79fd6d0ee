/**
 * Overlap detection over one state's recommendations, in memory and without the database:
 * candidates (prefix filtering, or LSH on MinHash signatures, plus every pair that names the same
 * treaty, institution or subject), scored by score.ts, and the REPEATS they imply. The service
 * loads a state's recommendations, calls `detectState` and writes what it returns.
 */
import { lshCandidates, signature } from './minhash.ts';
import { overlapModel } from './hybrid.ts';
import { idfWeight, LINK_THRESHOLD, pairFeatures, scorePair, type PairScore } from './score.ts';
import { analyse, languageOf, parseAnalysis, type Analysis } from './text.ts';
import { VectorIndex } from './vectors.ts';
import { OBJECTS } from './vocabulary/objects.ts';

/** Bump when analysis or scoring changes: links carry it, and `--full` replaces older ones. */
export const DETECTOR_VERSION = 'overlaps-5';

export interface DetectDoc {
  readonly id: string;
  /** The wording; may be left out (null) when `analysis` is given. */
  readonly text: string | null;
  readonly language: string | null;
  readonly mechanism: string;
  readonly cycle: number | null;
  readonly year: number | null;
  /** The document or review it comes from; two recommendations of one review never repeat each other. */
  readonly source: string | null;
  /** Its analysis as stored by an earlier run of this detector version (serialiseAnalysis). */
  readonly analysis?: string | null;
  /** Its text's vector (L2-normalised); absent in lexical-only mode or before it is embedded. */
  readonly vector?: Float32Array | null;
}

export interface DetectedLink extends PairScore {
  /** The two ids in string order: a < b. */
  readonly a: string;
  readonly b: string;
}

export type RepeatBasis = 'LATER_CYCLE' | 'LATER_REVIEW' | 'PHRASE';

export interface DetectedRepeat {
  /** The later recommendation. */
  readonly from: string;
  /** The earlier one it repeats. */
  readonly to: string;
  readonly basis: RepeatBasis;
  readonly score: number;
  readonly phrase: string | null;
}

/** Objects a signature rule reads: every treaty, institution and named subject. */
const SIGNATURE_OBJECTS = new Set(OBJECTS.map((o) => o.code));
const INSTRUMENTS = new Set(OBJECTS.filter((o) => o.kind === 'INSTRUMENT').map((o) => o.code));
/**
 * Added to the shorter text's weight when computing containment, about one common word: a very
 * short text whose few words are all common ("continue its efforts on human rights") is no
 * longer contained in every text that mentions human rights. On the development set this raised
 * precision for a small loss of recall (docs/overlaps.md, "Development set").
 */
const CONTAINMENT_SMOOTHING = 1;

/** Tokens in more than this share of a state's recommendations are left out of MinHash. */
const COMMON_SHARE = 0.2;

const analyses = new Map<string, Analysis>();

/** analyse() with a bounded cache: identical wordings are common (the same text in two sources). */
export function analyseCached(text: string, language: string | null): Analysis {
  const key = `${language ?? ''}\u0000${text}`;
  let found = analyses.get(key);
  if (!found) {
    found = analyse(text, language);
    if (analyses.size > 200_000) analyses.clear();
    analyses.set(key, found);
  }
  return found;
}

export interface DetectResult {
  readonly links: DetectedLink[];
  readonly repeats: DetectedRepeat[];
  readonly candidates: number;
  /** The analysis of each doc, in `docs` order (to be stored for the next run). */
  readonly analyses: readonly Analysis[];
}

export interface DetectOptions {
  /** Ids of the recommendations to compare (against all of `docs`); null compares all pairs of candidates. */
  readonly newIds?: ReadonlySet<string> | null;
  /** Score every pair instead of the candidates (the benchmark's exact reference). */
  readonly allPairs?: boolean;
  /** The lexical candidate bound (LINK_THRESHOLD). */
  readonly threshold?: number;
  /** Also return the pairs the model does not link (similarity search with its own threshold). */
  readonly keepUnlinked?: boolean;
  /** Vector neighbours per text (the model's `neighbours` when not given; 0: none). */
  readonly neighbours?: number;
  /** Lowest cosine of a vector neighbour (the model's `neighbourFloor` when not given). */
  readonly neighbourFloor?: number;
  /** The candidate step: prefix filtering (default, exact for the lexical score) or MinHash/LSH. */
  readonly candidates?: 'prefix' | 'lsh';
}

/**
 * Detects the overlaps among one state's recommendations.
 * @param docs every recommendation addressed to the state
 */
export function detectState(docs: readonly DetectDoc[], options: DetectOptions = {}): DetectResult {
  const threshold = options.threshold ?? LINK_THRESHOLD;
  const an = docs.map((d) =>
    d.analysis ? parseAnalysis(d.analysis) : analyseCached(d.text ?? '', d.language),
  );
  const index = new StateIndex(an);

  let onlyFor: Set<number> | null = null;
  if (options.newIds) {
    onlyFor = new Set();
    docs.forEach((d, i) => {
      if (options.newIds!.has(d.id)) onlyFor!.add(i);
    });
    if (onlyFor.size === 0) return { links: [], repeats: [], candidates: 0, analyses: an };
  }

  // Each pair is kept under its lighter text (ties: the lower index), so a pair found by two
  // routes lands in one list; duplicates are skipped when the list is scored.
  const candidatesOf: number[][] = docs.map(() => []);
  const add = (x: number, y: number) => {
    if (x === y) return;
    const i = index.lighter(x, y) ? x : y;
    const j = i === x ? y : x;
    if (onlyFor && !onlyFor.has(i) && !onlyFor.has(j)) return;
    candidatesOf[i]!.push(j);
  };

  if (options.allPairs) {
    for (let i = 0; i < docs.length; i++) for (let j = i + 1; j < docs.length; j++) add(i, j);
  } else if ((options.candidates ?? 'prefix') === 'prefix') {
    if (onlyFor) index.prefixCandidatesFor(threshold, onlyFor, add);
    else index.prefixCandidates(threshold, add);
    signatureBlocks(an, add, onlyFor);
  } else {
    const commonLimit = Math.max(3, docs.length * COMMON_SHARE);
    const sigs = an.map((a) => signature(a.tokens.filter((t) => index.count(t) <= commonLimit)));
    lshCandidates(sigs, add);
    signatureBlocks(an, add, onlyFor);
  }

  const model = overlapModel();
  const vectors = new VectorIndex(docs.map((d) => d.vector ?? null));
  const floor = options.neighbourFloor ?? model.neighbourFloor;
  if (!options.allPairs && vectors.count > 1) {
    vectors.neighbours(options.neighbours ?? model.neighbours, floor, add, onlyFor);
  }
  const languages = docs.map((d) => languageOf(d.language));

  const links: DetectedLink[] = [];
  const repeats: DetectedRepeat[] = [];
  // seenBy[j] === i: the pair (i, j) was already scored.
  const seenBy = new Int32Array(docs.length).fill(-1);
  let candidates = 0;
  for (let i = 0; i < docs.length; i++) {
    for (const j of candidatesOf[i]!) {
      if (seenBy[j] === i) continue;
      seenBy[j] = i;
      candidates++;
      const lex = index.lexical(i, j);
      const cosine = vectors.cosine(i, j);
      // Below the bound lexically and far apart as vectors, only a shared signature object can
      // still make a link.
      if (
        (lex.jaccard + lex.containment) / 2 < threshold &&
        (cosine == null || cosine < floor) &&
        !mayShareSignature(an[i]!, an[j]!)
      )
        continue;
      const crossLanguage = languages[i] !== languages[j];
      const scored = scorePair(an[i]!, an[j]!, lex, cosine, crossLanguage, index, i, j, {
        keepUnlinked: options.keepUnlinked,
      });
      if (!scored) continue;
      const [a, b] = docs[i]!.id < docs[j]!.id ? [docs[i]!, docs[j]!] : [docs[j]!, docs[i]!];
      links.push({ a: a.id, b: b.id, ...scored });
      if (!scored.linked) continue;
      const repeat = repeatOf(docs[i]!, an[i]!, docs[j]!, an[j]!, scored);
      if (repeat) repeats.push(repeat);
    }
  }
  return { links, repeats, candidates, analyses: an };
}

export interface TextMatch extends PairScore {
  /** The matching recommendation. */
  readonly id: string;
}

const QUERY_ID = '\u0000query';

/**
 * Scores a free text against recommendations exactly as detection scores a pair, with `docs`
 * (plus the text) as the corpus the word weights come from; best match first. With
 * `keepUnlinked`, also the candidates the model does not link (their score says how close).
 * @example matchText({ text: 'Ratify OP-CAT', language: 'en' }, stateDocs) // [{ id, score, kind, … }]
 */
export function matchText(
  query: {
    readonly text: string;
    readonly language: string | null;
    readonly vector?: Float32Array | null;
  },
  docs: readonly DetectDoc[],
  options: {
    readonly keepUnlinked?: boolean;
    readonly neighbours?: number;
    readonly neighbourFloor?: number;
  } = {},
): TextMatch[] {
  const probe: DetectDoc = {
    id: QUERY_ID,
    mechanism: '',
    cycle: null,
    year: null,
    source: null,
    ...query,
  };
  const { links } = detectState([...docs, probe], {
    newIds: new Set([QUERY_ID]),
    keepUnlinked: options.keepUnlinked,
    neighbours: options.neighbours,
    neighbourFloor: options.neighbourFloor,
  });
  return links
    .map(({ a, b, ...scored }) => ({ id: a === QUERY_ID ? b : a, ...scored }))
    .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1));
}

/**
 * The model's features for given pairs of one state's docs, whether or not they are candidates
 * (what `npm run fit:overlaps` fits on): the same analysis, word weights and cosine detection uses.
 */
export function featuresOfPairs(
  docs: readonly DetectDoc[],
  pairs: readonly (readonly [string, string])[],
) {
  const an = docs.map((d) => analyseCached(d.text ?? '', d.language));
  const index = new StateIndex(an);
  const vectors = new VectorIndex(docs.map((d) => d.vector ?? null));
  const position = new Map(docs.map((d, i) => [d.id, i]));
  return pairs.map(([x, y]) => {
    const i = position.get(x)!;
    const j = position.get(y)!;
    const lex = index.lexical(i, j);
    const crossLanguage = languageOf(docs[i]!.language) !== languageOf(docs[j]!.language);
    return pairFeatures(an[i]!, an[j]!, lex, vectors.cosine(i, j), crossLanguage).features;
  });
}

function mayShareSignature(a: Analysis, b: Analysis): boolean {
  for (const o of a.objects) if (SIGNATURE_OBJECTS.has(o) && b.objects.has(o)) return true;
  const core = (x: Analysis, y: Analysis) =>
    x.objects.has('CORE_TREATIES') && [...y.objects].some((o) => INSTRUMENTS.has(o));
  return core(a, b) || core(b, a);
}

/**
 * One state's texts as sorted integer token ids with inverse-document-frequency weights, for
 * fast weighted Jaccard and containment.
 */
class StateIndex {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly df: number[] = [];
  private readonly weights: Float64Array;
  readonly docs: Int32Array[];
  readonly totals: Float64Array;

  constructor(an: readonly Analysis[]) {
    this.docs = an.map((a) => {
      const out = new Int32Array(a.tokens.length);
      a.tokens.forEach((t, k) => {
        let id = this.ids.get(t);
        if (id === undefined) {
          id = this.names.length;
          this.ids.set(t, id);
          this.names.push(t);
          this.df.push(0);
        }
        this.df[id]!++;
        out[k] = id;
      });
      return out.sort();
    });
    this.weights = new Float64Array(this.names.length);
    const n = an.length;
    for (let id = 0; id < this.names.length; id++) this.weights[id] = idfWeight(this.df[id]!, n);
    this.totals = new Float64Array(an.length);
    this.docs.forEach((d, i) => {
      let total = 0;
      for (const id of d) total += this.weights[id]!;
      this.totals[i] = total;
    });
  }

  count(token: string): number {
    const id = this.ids.get(token);
    return id === undefined ? 0 : this.df[id]!;
  }

  /** Whether x is the lighter text of the pair (ties: the lower index). */
  lighter(x: number, y: number): boolean {
    const tx = this.totals[x]!;
    const ty = this.totals[y]!;
    return tx < ty || (tx === ty && x < y);
  }

  /** Shared tokens of a pair, heaviest first. */
  sharedTerms(i: number, j: number): string[] {
    const b = this.docs[j]!;
    return [...this.docs[i]!]
      .filter((id) => b.includes(id))
      .sort(
        (p, q) => this.weights[q]! - this.weights[p]! || (this.names[p]! < this.names[q]! ? -1 : 1),
      )
      .map((id) => this.names[id]!);
  }

  lexical(i: number, j: number): { jaccard: number; containment: number } {
    const a = this.docs[i]!;
    const b = this.docs[j]!;
    let shared = 0;
    for (let x = 0, y = 0; x < a.length && y < b.length;) {
      if (a[x]! === b[y]!) {
        shared += this.weights[a[x]!]!;
        x++;
        y++;
      } else if (a[x]! < b[y]!) x++;
      else y++;
    }
    const wa = this.totals[i]!;
    const wb = this.totals[j]!;
    const union = wa + wb - shared;
    return {
      jaccard: union > 0 ? shared / union : 0,
      containment: shared / (Math.min(wa, wb) + CONTAINMENT_SMOOTHING),
    };
  }

  /**
   * Prefix filtering restricted to pairs with a text in `only` (incremental runs), at a cost
   * proportional to those texts rather than the whole state: a qualifying pair shares a word of
   * its lighter text's prefix, so each text in `only` probes the full index with its own prefix
   * (pairs where it is the lighter) and the index of everyone's prefixes with all its words
   * (pairs where the other is the lighter). Finds every pair prefixCandidates would.
   */
  prefixCandidatesFor(
    threshold: number,
    only: ReadonlySet<number>,
    add: (i: number, j: number) => void,
  ): void {
    const prefixes = this.docs.map((_d, i) => this.prefix(i, threshold));
    const postings = this.postings((i) => this.docs[i]!);
    const prefixPostings = this.postings((i) => prefixes[i]!);
    for (const i of only) {
      for (const id of prefixes[i]!) {
        for (const j of postings[id]!) if (j !== i && this.lighter(i, j)) add(i, j);
      }
      for (const id of this.docs[i]!) {
        for (const j of prefixPostings[id]!) if (j !== i && this.lighter(j, i)) add(j, i);
      }
    }
  }

  /**
   * The rarest words of text i that together carry more than 1 - threshold of its weight: a
   * pair in which i is the lighter text and that reaches the threshold shares one of them.
   */
  private prefix(i: number, threshold: number): number[] {
    const sorted = [...this.docs[i]!].sort((p, q) => this.df[p]! - this.df[q]! || p - q);
    const total = this.totals[i]!;
    let rest = total;
    const out: number[] = [];
    for (const id of sorted) {
      if (rest < threshold * total - 1e-9) break;
      rest -= this.weights[id]!;
      out.push(id);
    }
    return out;
  }

  /**
   * Prefix filtering (as in all-pairs similarity search): a pair whose lexical score reaches the
   * threshold shares at least `threshold` of the lighter text's weight (Jaccard never exceeds
   * containment), so it shares one of that text's rarest words that together carry more than
   * 1 - threshold of its weight. Each text probes an inverted index with that prefix only: exact
   * for the lexical part of the score.
   */
  prefixCandidates(threshold: number, add: (i: number, j: number) => void): void {
    const postings = this.postings((i) => this.docs[i]!);
    this.docs.forEach((_d, i) => {
      for (const id of this.prefix(i, threshold)) {
        for (const j of postings[id]!) if (j !== i && this.lighter(i, j)) add(i, j);
      }
    });
  }

  /** An inverted index: for each token id, the texts whose `tokensOf` hold it. */
  private postings(tokensOf: (i: number) => Iterable<number>): number[][] {
    const lists: number[][] = this.names.map(() => []);
    this.docs.forEach((_d, i) => {
      for (const id of tokensOf(i)) lists[id]!.push(i);
    });
    return lists;
  }
}

/**
 * Every pair naming the same treaty, institution or subject (human rights defenders, the death
 * penalty, ...) is a candidate (with `only`, every such pair with a text in `only`).
 */
function signatureBlocks(
  an: readonly Analysis[],
  add: (i: number, j: number) => void,
  only: ReadonlySet<number> | null,
): void {
  const byObject = new Map<string, number[]>();
  an.forEach((a, i) => {
    for (const o of a.objects) {
      if (!SIGNATURE_OBJECTS.has(o)) continue;
      const list = byObject.get(o);
      if (list) list.push(i);
      else byObject.set(o, [i]);
    }
  });
  for (const members of byObject.values()) {
    if (only) {
      for (const i of members) if (only.has(i)) for (const j of members) add(i, j);
      continue;
    }
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) add(members[x]!, members[y]!);
    }
  }
  // "Ratify the outstanding instruments" meets every text that names an instrument.
  const withInstrument = an.flatMap((a, i) =>
    [...a.objects].some((o) => INSTRUMENTS.has(o)) ? [i] : [],
  );
  for (const i of byObject.get('CORE_TREATIES') ?? []) {
    for (const j of withInstrument) if (!only || only.has(i) || only.has(j)) add(i, j);
  }
}

/** Which of two linked recommendations repeats the other, if either does. */
function repeatOf(
  x: DetectDoc,
  ax: Analysis,
  y: DetectDoc,
  ay: Analysis,
  scored: PairScore,
): DetectedRepeat | null {
  const order = compareTime(x, y);
  if (order === 0) return null;
  const [later, laterAn, earlier] = order > 0 ? [x, ax, y] : [y, ay, x];
  if (later.source && later.source === earlier.source) return null;
  const phrase = laterAn.repeatPhrase;
  let basis: RepeatBasis | null = null;
  if (scored.kind === 'SAME') {
    basis =
      later.mechanism === earlier.mechanism &&
      later.cycle != null &&
      earlier.cycle != null &&
      later.cycle > earlier.cycle
        ? 'LATER_CYCLE'
        : 'LATER_REVIEW';
  } else if (phrase) {
    basis = 'PHRASE';
  }
  if (!basis) return null;
  return { from: later.id, to: earlier.id, basis, score: scored.score, phrase };
}

/**
 * > 0 when x is later than y: by cycle within one mechanism (cycles of different mechanisms do
 * not compare), else by year; 0 when neither is known to be later.
 */
function compareTime(x: DetectDoc, y: DetectDoc): number {
  if (x.mechanism === y.mechanism && x.cycle != null && y.cycle != null && x.cycle !== y.cycle) {
    return x.cycle - y.cycle;
  }
  if (x.year != null && y.year != null && x.year !== y.year) return x.year - y.year;
  return 0;
}
