/** Similarity search: the recommendations that ask what a given text asks. */
import type { DbContext } from '../../graphql/context.ts';
import { InvalidInputError } from '../../core/errors.ts';
import { DETECTOR_VERSION, matchText } from './detect.ts';
import { LINK_THRESHOLD } from './score.ts';
import { fold } from './text.ts';
import * as repository from './overlap.repository.ts';

/** How many recommendations the full-text index proposes when no state narrows the search. */
const SEARCH_POOL = 300;

export interface SimilarArgs {
  readonly text: string;
  readonly state?: string | null | undefined;
  readonly language?: string | null | undefined;
  readonly first?: number | null | undefined;
  readonly minScore?: number | null | undefined;
}

/**
 * Recommendations that ask what `text` asks, scored as detection scores a pair. With a state,
 * every recommendation to that state is compared (nothing is missed); without one, the
 * full-text index proposes the best-matching few hundred across all states, and those are
 * compared (their words weighted within that pool).
 */
export async function similarRecommendations(ctx: DbContext, args: SimilarArgs) {
  const text = args.text.trim();
  if (!text) throw new InvalidInputError('text must not be empty', 'text');
  const first = args.first ?? 10;
  const threshold = args.minScore ?? LINK_THRESHOLD;
  let docs;
  if (args.state) {
    docs = await repository.stateRecommendations(
      ctx,
      args.state.toUpperCase(),
      false,
      DETECTOR_VERSION,
    );
  } else {
    const words = [...new Set(fold(text).match(/[a-z][a-z0-9]{2,}/g) ?? [])].slice(0, 64);
    if (words.length === 0) return [];
    docs = await repository.searchText(ctx, words.join(' '), SEARCH_POOL);
  }
  return matchText({ text, language: args.language ?? null }, docs, threshold)
    .slice(0, first)
    .map(({ id, score, kind, methods, evidence }) => ({
      id,
      score,
      kind,
      methods: [...methods],
      evidence,
    }));
}
