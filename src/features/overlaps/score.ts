/**
 * Scores one candidate pair: a lexical similarity of the content words, weighted by how rare each
 * word is among the state's recommendations; what the two commitment signatures say (same treaty
 * and same action, a step of the same death-penalty ladder, different treaties); and the cosine
 * of the texts' vectors. The hybrid model (hybrid.ts) weighs them. The rules are documented in
 * docs/overlaps.md; every link keeps the evidence that decided it.
 */
import type { Analysis } from './text.ts';
import { decide, type PairFeatures } from './hybrid.ts';
import { DEATH_PENALTY_RUNGS, type ActionCode } from './vocabulary/actions.ts';
import { OBJECTS } from './vocabulary/objects.ts';

export type OverlapKind = 'SAME' | 'PARTIAL';

export interface Evidence {
  /** Content words both texts share (stems and object codes), heaviest first, at most 12. */
  readonly sharedTerms: readonly string[];
  /** The signature rule that applied, e.g. "same instrument: OPCAT; both RATIFY". */
  readonly signature: string | null;
  readonly jaccard: number;
  readonly containment: number;
  /** Cosine of the two texts' vectors; null when either has none (lexical-only). */
  readonly cosine: number | null;
  /** Each part's contribution to the decision's log-odds (hybrid.ts `Decision.parts`). */
  readonly parts: {
    readonly lexical: number;
    readonly signature: number;
    readonly embedding: number;
  };
}

export interface PairScore {
  readonly score: number;
  readonly kind: OverlapKind;
  /** Which parts carried the decision: LEXICAL, SIGNATURE, EMBEDDING. */
  readonly methods: readonly string[];
  /** Whether the model links the pair (false only for pairs scored with `keepUnlinked`). */
  readonly linked: boolean;
  readonly evidence: Evidence;
  /**
   * Whether the link joins clusters: the model rates it SAME-grade (its clusterThreshold) and it
   * is not a generic ask ("ratify the outstanding core treaties") meeting a specific one, which
   * would join every ratification ask of a state into one cluster.
   */
  readonly clusters: boolean;
}

/**
 * The lexical candidate bound: every pair whose lexical score ((weighted Jaccard + containment)
 * / 2) reaches it is scored (prefix filtering is exact for it), besides the pairs sharing a
 * signature object and each text's nearest vectors. Whether a pair becomes a link is the hybrid
 * model's decision (hybrid.ts), not this bound's.
 */
export const LINK_THRESHOLD = 0.25;

/**
 * Links stored before the hybrid model (no `clusters` mark) join clusters from this score up;
 * the model marks each new link itself (its clusterThreshold).
 */
export const CLUSTER_MIN_SCORE = 0.6;

const KIND_OF_OBJECT = new Map(OBJECTS.map((o) => [o.code, o.kind]));
const TREATY_ACTIONS: ReadonlySet<ActionCode> = new Set(['RATIFY', 'SIGN']);
/** Actions that say what kind of measure is asked; two texts asking only different ones differ. */
const MEASURE_ACTIONS: ReadonlySet<ActionCode> = new Set([
  'RATIFY',
  'SIGN',
  'WITHDRAW_RESERVATIONS',
  'LEGISLATE',
  'CRIMINALISE',
  'DECRIMINALISE',
  'INVESTIGATE_PROSECUTE',
  'TRAIN',
  'AWARENESS',
  'RESOURCES',
  'DATA',
  'PLAN',
  'INVITE',
  'REPORT',
]);

/**
 * A word's weight within the compared corpus (a state's recommendations): inverse document
 * frequency, log(1 + (N + 1) / (df + 1)), so rare words weigh more and none weighs nothing.
 */
export function idfWeight(df: number, docs: number): number {
  return Math.log(1 + (docs + 1) / (df + 1));
}

type Relation =
  | { kind: 'SAME' | 'PARTIAL'; why: string; generic?: true }
  | { kind: 'CONFLICT'; why: string }
  | { kind: 'ONE_SIDED'; why: string }
  | { kind: 'ACTION_MISMATCH'; why: string }
  | { kind: 'SUBJECT'; why: string }
  | { kind: 'NONE' };

const sameSet = <T>(a: ReadonlySet<T>, b: ReadonlySet<T>) =>
  a.size === b.size && [...a].every((x) => b.has(x));
const intersect = <T>(a: ReadonlySet<T>, b: ReadonlySet<T>) => [...a].filter((x) => b.has(x));
const list = (items: Iterable<string>) => [...items].join(', ');

/** The parts of an analysis the rules look at, computed once per text. */
interface Signature {
  /** Asks to ratify or sign an instrument it names. */
  readonly verb: 'RATIFY' | 'SIGN' | null;
  readonly instruments: ReadonlySet<string>;
  /** Every instrument it names, also those it asks something else of ("align the law with"). */
  readonly named: ReadonlySet<string>;
  readonly institutions: ReadonlySet<string>;
  /** Asks to create something (an institution, a mechanism), rather than to improve it. */
  readonly establishes: boolean;
  readonly measures: ReadonlySet<string>;
  readonly rungs: ReadonlySet<string>;
  /** Named subjects, the death penalty left out (it has its ladder). */
  readonly subjects: ReadonlySet<string>;
}

const signatures = new WeakMap<Analysis, Signature>();

function signatureOf(a: Analysis): Signature {
  let sig = signatures.get(a);
  if (sig) return sig;
  const named = new Set([...a.objects].filter((o) => KIND_OF_OBJECT.get(o) === 'INSTRUMENT'));
  // Only the instruments it asks to ratify or sign count for the treaty rules: "align the law
  // with the Rome Statute" does not ask to ratify it.
  const verb =
    a.bound.size === 0
      ? null
      : a.actions.has('RATIFY')
        ? 'RATIFY'
        : a.actions.has('SIGN')
          ? 'SIGN'
          : null;
  const rungs = new Set<string>([...a.actions].filter((x) => DEATH_PENALTY_RUNGS.has(x)));
  if (a.bound.has('ICCPR_OP2') && verb) rungs.add('OP2');
  sig = {
    verb,
    instruments: verb ? a.bound : named,
    named,
    institutions: new Set([...a.objects].filter((o) => KIND_OF_OBJECT.get(o) === 'INSTITUTION')),
    establishes: a.actions.has('ESTABLISH'),
    measures: new Set(
      [...a.actions].filter((x) => MEASURE_ACTIONS.has(x) && !TREATY_ACTIONS.has(x)),
    ),
    rungs: a.objects.has('DEATH_PENALTY') ? rungs : new Set(),
    subjects: new Set(
      [...a.objects].filter((o) => KIND_OF_OBJECT.get(o) === 'SUBJECT' && o !== 'DEATH_PENALTY'),
    ),
  };
  signatures.set(a, sig);
  return sig;
}

/** What the two signatures say about the pair. */
export function relate(a: Analysis, b: Analysis): Relation {
  const sa = signatureOf(a);
  const sb = signatureOf(b);
  if (sa.rungs.size > 0 && sb.rungs.size > 0) {
    const label = `death penalty: ${[...sa.rungs].join('+')} / ${[...sb.rungs].join('+')}`;
    return sameSet(sa.rungs, sb.rungs)
      ? { kind: 'SAME', why: `${label} (same step)` }
      : { kind: 'PARTIAL', why: `${label} (steps of one ladder)` };
  }

  if (sa.verb && sb.verb) {
    const shared = intersect(sa.instruments, sb.instruments).filter((o) => o !== 'CORE_TREATIES');
    if (shared.length === 0) {
      if (sa.instruments.has('CORE_TREATIES') || sb.instruments.has('CORE_TREATIES')) {
        const named = [...sa.instruments, ...sb.instruments].filter((o) => o !== 'CORE_TREATIES');
        return {
          kind: 'PARTIAL',
          why: `outstanding instruments as a whole vs ${list(named)}`,
          generic: true,
        };
      }
      return {
        kind: 'CONFLICT',
        why: `different instruments: ${list(sa.instruments)} / ${list(sb.instruments)}`,
      };
    }
    const what = `instrument ${shared.join(', ')}`;
    if (sa.verb !== sb.verb) return { kind: 'PARTIAL', why: `${what}: ${sa.verb} vs ${sb.verb}` };
    if (sameSet(sa.instruments, sb.instruments)) {
      // "Ratify the OP-CAT" and "ratify the OP-CAT and implement the CAT": the second asks more.
      if (!sameSet(sa.named, sb.named)) {
        return {
          kind: 'PARTIAL',
          why: `same ${what}; both ${sa.verb}; also named: ${list(sa.named)} / ${list(sb.named)}`,
        };
      }
      return { kind: 'SAME', why: `same ${what}; both ${sa.verb}` };
    }
    return {
      kind: 'PARTIAL',
      why: `${what} shared; ${list(sa.instruments)} / ${list(sb.instruments)}`,
    };
  }
  if (sa.verb || sb.verb) {
    const [ratifying, other] = sa.verb ? [sa, b] : [sb, a];
    return {
      kind: 'ONE_SIDED',
      why: `only one asks to ratify (${list(ratifying.instruments)}); the other asks ${list(other.actions) || 'no typed action'}`,
    };
  }

  const sharedInst = intersect(sa.institutions, sb.institutions);
  if (sharedInst.length > 0) {
    // "Establish an NHRI" and "strengthen the NHRI" are steps of one ask, not the same ask.
    if (sa.establishes !== sb.establishes) {
      const step = (x: Signature) => (x.establishes ? 'establish' : 'improve');
      return {
        kind: 'PARTIAL',
        why: `same institution: ${list(sharedInst)}; ${step(sa)} / ${step(sb)}`,
      };
    }
    return { kind: 'SAME', why: `same institution: ${list(sharedInst)}` };
  }

  if (
    sa.measures.size > 0 &&
    sb.measures.size > 0 &&
    intersect(sa.measures, sb.measures).length === 0
  ) {
    return {
      kind: 'ACTION_MISMATCH',
      why: `different measures: ${[...sa.measures].join('+')} / ${[...sb.measures].join('+')}`,
    };
  }
  const sharedSubjects = intersect(sa.subjects, sb.subjects);
  if (sharedSubjects.length > 0)
    return { kind: 'SUBJECT', why: `same subject: ${list(sharedSubjects)}` };
  return { kind: 'NONE' };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The lexical part of a pair, however it was computed. */
export interface Lexical {
  readonly jaccard: number;
  readonly containment: number;
}

/** Gives a pair's shared tokens, heaviest first; asked only for pairs that become links. */
export interface SharedTerms {
  sharedTerms(i: number, j: number): readonly string[];
}

/** How far a pair's score goes below the link threshold when asked for (`scorePair` options). */
export interface ScoreOptions {
  /** Return pairs the model does not link too (similarity search with an explicit threshold). */
  readonly keepUnlinked?: boolean;
}

/** Cosine from which a pair without a stronger rule is called SAME rather than PARTIAL. */
export const SAME_COSINE = 0.95;

/**
 * Decides a pair with the hybrid model (hybrid.ts): what the wording shares, what the commitment
 * signatures say and, when both texts have a vector, their cosine. Returns null for a pair the
 * model does not link (unless `keepUnlinked`). score = the model's probability that the pair
 * overlaps (SAME or PARTIAL); kind = SAME for the same signature step, near-identical wording
 * (weighted Jaccard >= 0.5) or vectors (cosine >= SAME_COSINE); the evidence keeps each part's
 * contribution.
 */
export function scorePair(
  a: Analysis,
  b: Analysis,
  lex: Lexical,
  cosine: number | null,
  crossLanguage: boolean,
  terms: SharedTerms,
  i: number,
  j: number,
  options: ScoreOptions = {},
): PairScore | null {
  const { jaccard, containment } = lex;
  const { relation, generic, features } = pairFeatures(a, b, lex, cosine, crossLanguage);
  const decision = decide(features);
  if (!decision.link && !options.keepUnlinked) return null;
  // A shared subject links a general ask to a specific one, but only the rest of the evidence
  // joins clusters: otherwise every ask on a subject of a state would end in one cluster.
  const clusters =
    decision.clusters &&
    !generic &&
    (relation.kind !== 'SUBJECT' || decide(withoutSignature(features)).clusters);
  const kind: OverlapKind =
    relation.kind === 'SAME' ||
    (relation.kind !== 'CONFLICT' &&
      relation.kind !== 'PARTIAL' &&
      (jaccard >= 0.5 || (cosine ?? 0) >= SAME_COSINE))
      ? 'SAME'
      : 'PARTIAL';
  const named: [string, number][] = [
    ['LEXICAL', decision.parts.lexical],
    ['SIGNATURE', decision.parts.signature],
    ['EMBEDDING', decision.parts.embedding],
  ];
  let methods = named.filter(([, part]) => part >= METHOD_MIN_PART).map(([name]) => name);
  if (methods.length === 0) methods = [named.reduce((x, y) => (y[1] > x[1] ? y : x))[0]];
  return {
    score: round(decision.probability),
    kind,
    methods,
    linked: decision.link,
    clusters,
    evidence: {
      sharedTerms: terms.sharedTerms(i, j).slice(0, 12),
      signature: relation.kind === 'NONE' ? null : relation.why,
      jaccard: round(jaccard),
      containment: round(containment),
      cosine: cosine == null ? null : round(cosine),
      parts: {
        lexical: round(decision.parts.lexical),
        signature: round(decision.parts.signature),
        embedding: round(decision.parts.embedding),
      },
    },
  };
}

/**
 * The lexical detector's score before the hybrid model, kept as one of its features: (weighted
 * Jaccard + containment) / 2, then by signature relation: SAME/PARTIAL -> 0.6 + 0.4 * lexical;
 * CONFLICT -> 0.4 * lexical; ONE_SIDED and ACTION_MISMATCH -> 0.75 * lexical; SUBJECT -> 0.15 +
 * 0.85 * lexical.
 */
export function ruleScore(relation: Relation['kind'], lexical: number): number {
  switch (relation) {
    case 'SAME':
    case 'PARTIAL':
      return 0.6 + 0.4 * lexical;
    case 'CONFLICT':
      return 0.4 * lexical;
    case 'ONE_SIDED':
    case 'ACTION_MISMATCH':
      return 0.75 * lexical;
    case 'SUBJECT':
      return 0.15 + 0.85 * lexical;
    default:
      return lexical;
  }
}

/** What the model is given about a pair (also what `npm run fit:overlaps` fits on). */
export function pairFeatures(
  a: Analysis,
  b: Analysis,
  lex: Lexical,
  cosine: number | null,
  crossLanguage: boolean,
) {
  const relation = relate(a, b);
  const generic =
    (relation.kind === 'SAME' || relation.kind === 'PARTIAL') && relation.generic === true;
  const features: PairFeatures = {
    rules: ruleScore(relation.kind, (lex.jaccard + lex.containment) / 2),
    jaccard: lex.jaccard,
    containment: lex.containment,
    relation: generic ? 'GENERIC' : relation.kind,
    cosine,
    crossLanguage,
  };
  return { relation, generic, features };
}

/** The features as if the signatures said nothing about the pair. */
export function withoutSignature(features: PairFeatures): PairFeatures {
  return {
    ...features,
    relation: 'NONE',
    rules: ruleScore('NONE', (features.jaccard + features.containment) / 2),
  };
}

/** A part counts among a link's methods from this much log-odds above the negative pairs' mean. */
const METHOD_MIN_PART = 0.5;
