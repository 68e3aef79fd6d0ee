/**
 * Citations and related jurisprudence as the API serves them (citation.schema.ts).
 * docs/jurisprudence.md, "Citations" and "Related jurisprudence".
 */
import { InvalidInputError } from '../../core/errors.ts';
import type { DbContext } from '../../graphql/context.ts';
import { findCitationsByRecommendations, type StoredCitation } from './citation.repository.ts';
import {
  findCitingRecommendations,
  findJurisprudenceGaps,
  findRelatedDecisions,
  findRelatedRecommendations,
  type JurisprudenceGap,
  type RelatedDecision,
  type RelatedRecommendation,
} from './related.repository.ts';

export const MAX_RELATED = 20;

export function citationsOfRecommendations(
  ctx: DbContext,
  ids: readonly string[],
): Promise<StoredCitation[][]> {
  return findCitationsByRecommendations(ctx, ids);
}

/**
 * The DataLoader key of a recommendation's related decisions: the page size and the id.
 * @throws InvalidInputError when `first` is out of 0..MAX_RELATED
 */
export function relatedKey(id: string, first: number): string {
  if (!Number.isInteger(first) || first < 0 || first > MAX_RELATED)
    throw new InvalidInputError(`first must be between 0 and ${MAX_RELATED}`, 'first');
  return `${first}\u0000${id}`;
}

/** Related decisions for keys made by `relatedKey`, one query per distinct page size. */
export async function relatedDecisionsByKeys(
  ctx: DbContext,
  keys: readonly string[],
): Promise<RelatedDecision[][]> {
  const bySize = new Map<number, string[]>();
  for (const key of keys) {
    const [first, id] = key.split('\u0000') as [string, string];
    bySize.set(Number(first), [...(bySize.get(Number(first)) ?? []), id]);
  }
  const found = new Map<string, RelatedDecision[]>();
  for (const [size, ids] of bySize) {
    const lists = size === 0 ? ids.map(() => []) : await findRelatedDecisions(ctx, ids, size);
    ids.forEach((id, i) => found.set(`${size}\u0000${id}`, lists[i] ?? []));
  }
  return keys.map((key) => found.get(key) ?? []);
}

export function relatedRecommendations(
  ctx: DbContext,
  decisionId: string,
): Promise<RelatedRecommendation[]> {
  return findRelatedRecommendations(ctx, decisionId);
}

/** Ids of the recommendations citing a general comment or a treaty article (and its deeper levels). */
export function citingRecommendations(ctx: DbContext, id: string): Promise<string[]> {
  return findCitingRecommendations(ctx, id);
}

/**
 * The state's adverse decisions whose related recommendations were noted, repeated or not
 * implemented, most recorded violations and most such recommendations first.
 * @throws InvalidInputError when `state` is not an ISO 3166 alpha-3 code
 */
export function jurisprudenceGaps(ctx: DbContext, state: string): Promise<JurisprudenceGap[]> {
  const iso3 = state.trim().toUpperCase();
  if (!/^[A-Z]{3}$/u.test(iso3))
    throw new InvalidInputError(`state must be an ISO 3166 alpha-3 code, got "${state}"`, 'state');
  return findJurisprudenceGaps(ctx, iso3);
}
