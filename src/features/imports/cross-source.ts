/**
 * Cross-source matching of UPR recommendations the exact identity (same state, cycle and wording)
 * did not join: UPR Info rows and Working Group report rows whose wording differs a little
 * (encoding residue, a merged or split recommendation, an edit). Candidates are only compared
 * inside blocks of (state under review, cycle, recommending state); within a block each
 * recommendation known to the first source only is paired with its best counterpart among those
 * the second source knows, when the wording overlaps enough. A match becomes a SAME_AS link (status SUGGESTED) that
 * says how it was found, never a merge: the two records stay, and a reviewer can reject it.
 */
import type { DbContext } from '../../graphql/context.ts';
import { cypher } from '../../db/cypher.ts';

export const SAME_AS_METHOD = 'block-token-overlap';
export const SAME_AS_DETECTOR_VERSION = 1;

/**
 * Thresholds, chosen on the real UPR files (docs/importing.md): most of the wording
 * shared, or one text wholly inside the other (a recommendation one source split in parts and the
 * other kept whole) when the smaller has enough content words not to match by chance.
 */
export const MIN_CONTAINMENT = 0.8;
export const MIN_JACCARD = 0.5;
export const SPLIT_CONTAINMENT = 0.9;
export const SPLIT_MIN_TERMS = 4;

const STOP_WORDS = new Set(
  (
    'a an and are as at be by for from has have in into is it its of on or that the their this to ' +
    'with which all also any other such including including'
  ).split(' '),
);

/** The content words of a text, lower-cased and without accents. */
export function terms(text: string): Set<string> {
  return new Set(
    text
      .normalize('NFKD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 1 && !STOP_WORDS.has(word)),
  );
}

export interface Overlap {
  /** Shared terms over the smaller text's terms: 1 when one text's words are all in the other. */
  readonly containment: number;
  /** Shared terms over all terms. */
  readonly jaccard: number;
  readonly shared: string[];
  /** Terms of the smaller text. */
  readonly smaller: number;
}

export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): Overlap {
  const shared = [...a].filter((term) => b.has(term));
  const smaller = Math.min(a.size, b.size);
  const union = a.size + b.size - shared.length;
  return {
    containment: smaller ? shared.length / smaller : 0,
    jaccard: union ? shared.length / union : 0,
    shared,
    smaller,
  };
}

export const isMatch = (o: Pick<Overlap, 'containment' | 'jaccard' | 'smaller'>) =>
  (o.containment >= MIN_CONTAINMENT && o.jaccard >= MIN_JACCARD) ||
  (o.containment >= SPLIT_CONTAINMENT && o.smaller >= SPLIT_MIN_TERMS);

type Candidate = {
  readonly id: string;
  readonly state: string;
  readonly cycle: number | null;
  readonly text: string;
  readonly families: string[];
  readonly recommending: string[];
};

export interface SameAsDecision {
  readonly from: string;
  readonly to: string | null;
  readonly block: string | null;
  readonly score: number;
  readonly containment: number;
  readonly jaccard: number;
  readonly smaller: number;
  readonly sharedTerms: string[];
}

export interface CrossSourceResult {
  /** Recommendations known to one source family only, per family. */
  readonly singleSource: Record<string, number>;
  /** One decision per single-source recommendation of the first family: its match, or none. */
  readonly decisions: SameAsDecision[];
  readonly linked: number;
}

/**
 * Matches recommendations known only to `families[0]` against those known only to `families[1]`
 * and stores the matches as SAME_AS links (from the first family's to the second's).
 */
export async function matchCrossSource(
  { db }: DbContext,
  families: readonly [string, string] = ['upr-info', 'upr-report'],
): Promise<CrossSourceResult> {
  const rows = await db.read<Candidate>(cypher('imports/find-upr-match-candidates'), {
    families: [...families],
  });
  const blocks = new Map<string, Candidate[]>();
  const blockKeys = (c: Candidate) => c.recommending.map((rs) => `${c.state}/${c.cycle}/${rs}`);
  // Counterparts: anything the second family knows, also when the exact identity already joined
  // it with another row of the first (UPR Info splits one paragraph into several rows).
  for (const candidate of rows) {
    if (!candidate.families.includes(families[1])) continue;
    for (const key of blockKeys(candidate)) {
      const list = blocks.get(key);
      if (list) list.push(candidate);
      else blocks.set(key, [candidate]);
    }
  }
  const termsOf = new Map<string, Set<string>>();
  const termsFor = (c: Candidate) => {
    let found = termsOf.get(c.id);
    if (!found) termsOf.set(c.id, (found = terms(c.text)));
    return found;
  };
  const decisions: SameAsDecision[] = [];
  const from = rows
    .filter((c) => c.families.length === 1 && c.families[0] === families[0])
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const candidate of from) {
    let best: SameAsDecision | undefined;
    for (const key of blockKeys(candidate)) {
      for (const other of blocks.get(key) ?? []) {
        const o = overlap(termsFor(candidate), termsFor(other));
        const score = (o.containment + o.jaccard) / 2;
        if (!best || score > best.score || (score === best.score && other.id < best.to!)) {
          best = {
            from: candidate.id,
            to: other.id,
            block: key,
            score,
            containment: o.containment,
            jaccard: o.jaccard,
            smaller: o.smaller,
            sharedTerms: o.shared.slice(0, 12),
          };
        }
      }
    }
    decisions.push(
      best ?? {
        from: candidate.id,
        to: null,
        block: null,
        score: 0,
        containment: 0,
        jaccard: 0,
        smaller: 0,
        sharedTerms: [],
      },
    );
  }
  const links = decisions
    .filter((d) => d.to !== null && isMatch(d))
    .map(({ smaller: _smaller, ...d }) => ({
      ...d,
      score: Math.round(d.score * 1000) / 1000,
      method: SAME_AS_METHOD,
      detectorVersion: SAME_AS_DETECTOR_VERSION,
    }));
  for (let i = 0; i < links.length; i += 1000) {
    await db.write(cypher('imports/merge-same-as'), { links: links.slice(i, i + 1000) });
  }
  const singleSource: Record<string, number> = {};
  for (const row of rows) {
    if (row.families.length === 1)
      singleSource[row.families[0]!] = (singleSource[row.families[0]!] ?? 0) + 1;
  }
  return { singleSource, decisions, linked: links.length };
}
