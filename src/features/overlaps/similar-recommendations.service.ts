/** Similarity search: the recommendations that ask what a given text asks. */
import type { DbContext } from '../../graphql/context.ts';
import { InvalidInputError } from '../../core/errors.ts';
import { guessLanguage, isAnalysedLanguage } from '../../core/language.ts';
import { DETECTOR_VERSION, matchText, type DetectDoc } from './detect.ts';
import { LINK_THRESHOLD } from './score.ts';
import * as repository from './overlap.repository.ts';

/**
 * How many recommendations the full-text index of the text's language proposes when no state
 * narrows the search, and how many each other index does (docs/api.md#languages).
 */
const SEARCH_POOL = 300;
const OTHER_POOL = 60;

export interface SimilarArgs {
  readonly text: string;
  readonly state?: string | null | undefined;
  readonly language?: string | null | undefined;
  readonly first?: number | null | undefined;
  readonly minScore?: number | null | undefined;
}

/**
 * The candidates for `words` across all states: the best SEARCH_POOL of the index of `language`
 * (the standard index when it has none of its own) and the best OTHER_POOL of each other index.
 * Other languages' texts rarely share the words; they come through what languages write alike
 * (treaty acronyms, symbols, names, cognates), and the detector scores them as it scores any pair
 * (shared treaty and institution tokens).
 */
async function candidates(
  ctx: DbContext,
  words: string,
  language: string | null,
): Promise<DetectDoc[]> {
  const rows = await repository.searchText(ctx, words, SEARCH_POOL);
  const own = isAnalysedLanguage(language) ? language : null;
  const kept = new Map<unknown, number>();
  return rows
    .map((row) => ({ row, pool: row['pool'] ?? null, score: Number(row['score']) }))
    .sort((x, y) => y.score - x.score)
    .filter(({ pool }) => {
      const count = (kept.get(pool) ?? 0) + 1;
      kept.set(pool, count);
      return count <= (pool === own ? SEARCH_POOL : OTHER_POOL);
    })
    .map(({ row }) => row);
}

/**
 * Recommendations that ask what `text` asks, scored as detection scores a pair. With a state,
 * every recommendation to that state is compared (nothing is missed); without one, the
 * full-text indexes propose the best-matching few hundred across all states, most of them in the
 * text's language, and those are compared (their words weighted within that pool). The text is
 * analysed in `language`, or in the language guessed from it when that is not given; each
 * recommendation in its own stored language.
 */
export async function similarRecommendations(ctx: DbContext, args: SimilarArgs) {
  const text = args.text.trim();
  if (!text) throw new InvalidInputError('text must not be empty', 'text');
  const first = args.first ?? 10;
  const threshold = args.minScore ?? LINK_THRESHOLD;
  const language = args.language ?? guessLanguage(text);
  let docs: readonly DetectDoc[];
  if (args.state) {
    docs = await repository.stateRecommendations(
      ctx,
      args.state.toUpperCase(),
      false,
      DETECTOR_VERSION,
    );
  } else {
    // Words only (no Lucene syntax), lower case so that none reads as an operator; accents are
    // kept (composed, as the imports store texts) for the indexes' analyzers.
    const folded = text.normalize('NFC').toLowerCase();
    const words = [...new Set(folded.match(/\p{L}[\p{L}\p{N}]{2,}/gu) ?? [])].slice(0, 64);
    if (words.length === 0) return [];
    docs = await candidates(ctx, words.join(' '), language);
  }
  return matchText({ text, language }, docs, threshold)
    .slice(0, first)
    .map(({ id, score, kind, methods, evidence }) => ({
      id,
      score,
      kind,
      methods: [...methods],
      evidence,
    }));
}
