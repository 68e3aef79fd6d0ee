/**
 * Scores one candidate pair: a lexical similarity of the content words, weighted by how rare each
 * word is among the state's recommendations, combined with what the two commitment signatures
 * say (same treaty and same action, a step of the same death-penalty ladder, different treaties).
 * The rules are documented in docs/overlaps.md; every link keeps the evidence that decided it.
 */
import type { Analysis } from './text.ts';
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
}

export interface PairScore {
  readonly score: number;
  readonly kind: OverlapKind;
  /** Which parts decided: LEXICAL, SIGNATURE. */
  readonly methods: readonly string[];
  readonly evidence: Evidence;
  /**
   * Whether the link joins clusters: it scores at least CLUSTER_MIN_SCORE and is not a generic
   * ask ("ratify the outstanding core treaties") meeting a specific one, which would join every
   * ratification ask of a state into one cluster.
   */
  readonly clusters: boolean;
}

/**
 * A link is stored from this score up. Chosen on the development set (docs/overlaps.md gives the
 * precision/recall either side of it); a lexical-only pair needs, for example, weighted Jaccard
 * 0.15 with containment 0.35.
 */
export const LINK_THRESHOLD = 0.25;

/**
 * Clusters join recommendations through links scoring at least this (or confirmed by a
 * reviewer). Weaker links stay visible on each recommendation but do not merge clusters: on the
 * real UPR data, chaining every link merged 87% of a state's recommendations into components of
 * up to 486 (docs/overlaps.md, "Clusters").
 */
export const CLUSTER_MIN_SCORE = 0.6;

/**
 * Two texts that name the same subject (vocabulary/subjects.ts: human rights defenders, violence
 * against women, FGM, trafficking, racism, child soldiers) and ask for no conflicting measures
 * score SUBJECT_LIFT + (1 - SUBJECT_LIFT) × lexical: a general ask on a subject and a specific one
 * on it ("protect human rights defenders" / "fund the protection of human rights advocates")
 * share few other words. On the development set a lift raised recall for a small loss of
 * precision (docs/overlaps.md, "Shared subject").
 */
export const SUBJECT_LIFT = 0.15;

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

/**
 * The pair's score in [0, 1] with its kind and evidence, or null below the threshold.
 * score = (weighted Jaccard + weighted containment) / 2, then by signature relation:
 * SAME/PARTIAL -> 0.6 + 0.4 * lexical; CONFLICT -> 0.4 * lexical; ONE_SIDED and
 * ACTION_MISMATCH -> 0.75 * lexical; SUBJECT -> SUBJECT_LIFT + (1 - SUBJECT_LIFT) * lexical.
 */
export function scoreLexical(
  a: Analysis,
  b: Analysis,
  lex: Lexical,
  threshold: number,
  terms: SharedTerms,
  i: number,
  j: number,
): PairScore | null {
  const { jaccard, containment } = lex;
  const lexical = (jaccard + containment) / 2;
  const relation = relate(a, b);
  let score: number;
  let kind: OverlapKind;
  const methods = ['LEXICAL'];
  let signature: string | null = null;
  switch (relation.kind) {
    case 'SAME':
    case 'PARTIAL':
      score = 0.6 + 0.4 * lexical;
      kind = relation.kind;
      methods.push('SIGNATURE');
      signature = relation.why;
      break;
    case 'CONFLICT':
      score = 0.4 * lexical;
      kind = 'PARTIAL';
      signature = relation.why;
      break;
    case 'ONE_SIDED':
    case 'ACTION_MISMATCH':
      score = 0.75 * lexical;
      kind = 'PARTIAL';
      signature = relation.why;
      break;
    case 'SUBJECT':
      score = SUBJECT_LIFT + (1 - SUBJECT_LIFT) * lexical;
      kind = jaccard >= 0.5 ? 'SAME' : 'PARTIAL';
      methods.push('SIGNATURE');
      signature = relation.why;
      break;
    default:
      score = lexical;
      kind = jaccard >= 0.5 ? 'SAME' : 'PARTIAL';
  }
  if (score < threshold) return null;
  const generic = (relation.kind === 'SAME' || relation.kind === 'PARTIAL') && relation.generic;
  // A shared subject links a general ask to a specific one, but only their wording joins
  // clusters: otherwise every ask on a subject of a state would end in one cluster.
  const clusterScore = relation.kind === 'SUBJECT' ? lexical : score;
  return {
    score: round(score),
    kind,
    methods,
    clusters: clusterScore >= CLUSTER_MIN_SCORE && !generic,
    evidence: {
      sharedTerms: terms.sharedTerms(i, j).slice(0, 12),
      signature,
      jaccard: round(jaccard),
      containment: round(containment),
    },
  };
}
