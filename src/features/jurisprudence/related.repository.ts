/**
 * Related jurisprudence beyond explicit citations (cypher/queries/jurisprudence/related-*.cypher):
 * decisions against the state a recommendation addresses on the articles it cites or its themes
 * concern, and the reverse. docs/jurisprudence.md, "Related jurisprudence".
 */
import { groupedByKeys } from '../../core/by-keys.ts';
import { cypher } from '../../db/cypher.ts';
import type { DbContext } from '../../graphql/context.ts';
import type { Decision } from './decision.repository.ts';

/** Why two records are related: a citation, a cited article, or a theme crosswalked to an article. */
export type RelatedReason = {
  readonly via: 'CITED' | 'ARTICLE' | 'THEME';
  /** The article (at article level, CCPR-14) they meet on; null for a direct citation. */
  readonly articleKey: string | null;
  /** The theme's label, for THEME. */
  readonly theme: string | null;
};

export type RelatedDecision = {
  readonly decision: Decision;
  readonly score: number;
  /** A violation was found on a matched article (or the decision's outcome is VIOLATION). */
  readonly violation: boolean;
  readonly matchedArticles: readonly string[];
  readonly reasons: readonly RelatedReason[];
};

export type RelatedRecommendation = {
  readonly id: string;
  readonly date: string | null;
  readonly timing: 'BEFORE' | 'AFTER' | null;
  readonly reasons: readonly RelatedReason[];
};

export async function findRelatedDecisions(
  { db }: DbContext,
  ids: readonly string[],
  limit: number,
): Promise<RelatedDecision[][]> {
  const rows = await db.read<{ key: string; items: RelatedDecision[] }>(
    cypher('jurisprudence/related-decisions-by-recommendations'),
    { ids, limit },
  );
  return groupedByKeys(ids, rows);
}

export async function findRelatedRecommendations(
  { db }: DbContext,
  decisionId: string,
): Promise<RelatedRecommendation[]> {
  return db.read<RelatedRecommendation>(
    cypher('jurisprudence/related-recommendations-by-decision'),
    { id: decisionId },
  );
}

/** Ids of the recommendations citing a general comment (by id) or a treaty article (by code). */
export async function findCitingRecommendations({ db }: DbContext, id: string): Promise<string[]> {
  const rows = await db.read<{ id: string }>(cypher('jurisprudence/citations-find-citing'), { id });
  return rows.map((r) => r.id);
}

export type JurisprudenceGap = {
  readonly decision: Decision;
  /** The source records a violation; false for views whose outcome it does not record. */
  readonly violationRecorded: boolean;
  /** Related recommendations in all. */
  readonly related: number;
  /** Ids of the related recommendations the state noted, that repeat or are repeated, not implemented. */
  readonly noted: readonly string[];
  readonly repeated: readonly string[];
  readonly notImplemented: readonly string[];
};

export async function findJurisprudenceGaps(
  { db }: DbContext,
  state: string,
): Promise<JurisprudenceGap[]> {
  return db.read<JurisprudenceGap>(cypher('jurisprudence/jurisprudence-gaps'), { state });
}
