/** Similarity search: the recommendations that ask what a given text asks. */
import type { DbContext } from '../../graphql/context.ts';
import { InvalidInputError } from '../../core/errors.ts';
import { guessLanguage, isAnalysedLanguage } from '../../core/language.ts';
import { DETECTOR_VERSION, matchText, type DetectDoc } from './detect.ts';
import { attachVectors, embedder } from '../embeddings/index.ts';
import * as repository from './overlap.repository.ts';

/**
 * How many recommendations the full-text index of the text's language proposes when no state
 * narrows the search, and how many each other index does (docs/api.md#languages).
 */
const SEARCH_POOL = 300;
const OTHER_POOL = 60;
/** How many nearest vectors the vector index proposes when no state narrows the search. */
const VECTOR_POOL = 200;
/** Within a state, the query's nearest vectors scored at least (more when `first` is larger). */
const MIN_NEIGHBOURS = 50;

export interface SimilarArgs {
  readonly text: string;
  readonly state?: string | null | undefined;
  readonly language?: string | null | undefined;
  readonly first?: number | null | undefined;
  readonly minScore?: number | null | undefined;
}

/**
 * The candidates across all states: the best SEARCH_POOL of the full-text index of `language`
 * (the standard index when it has none of its own), the best OTHER_POOL of each other index, and
 * (with a vector) the VECTOR_POOL nearest by the vector index, in any language. Words reach
 * other languages' texts only through what languages write alike (acronyms, symbols, names,
 * cognates); the vectors reach them by meaning.
 */
async function candidates(
  ctx: DbContext,
  words: string,
  language: string | null,
  vector: Float32Array | null,
  model: string | null,
): Promise<DetectDoc[]> {
  const rows = words ? await repository.searchText(ctx, words, SEARCH_POOL, model) : [];
  const own = isAnalysedLanguage(language) ? language : null;
  const kept = new Map<unknown, number>();
  const lexical = rows
    .map((row) => ({ row, pool: row['pool'] ?? null, score: Number(row['score']) }))
    .sort((x, y) => y.score - x.score)
    .filter(({ pool }) => {
      const count = (kept.get(pool) ?? 0) + 1;
      kept.set(pool, count);
      return count <= (pool === own ? SEARCH_POOL : OTHER_POOL);
    })
    .map(({ row }) => row);
  const near =
    vector && model ? await repository.searchVectors(ctx, vector, VECTOR_POOL, model) : [];
  const byId = new Map([...lexical, ...near].map((row) => [row.id, row]));
  return attachVectors(ctx, [...byId.values()]);
}

/**
 * Recommendations that ask what `text` asks, ranked by the hybrid score detection uses (the
 * probability that the pair overlaps): the best `first` whether or not they reach the link
 * threshold, unless `minScore` asks for a floor. With a state, every recommendation to that
 * state is a candidate pool and each text's nearest vectors are scored; without one, the
 * full-text and vector indexes propose the candidates across all states. The text is analysed in
 * `language`, or in the language guessed from it; its vector (when the model is installed) finds
 * recommendations in other languages.
 */
export async function similarRecommendations(ctx: DbContext, args: SimilarArgs) {
  const text = args.text.trim();
  if (!text) throw new InvalidInputError('text must not be empty', 'text');
  const first = args.first ?? 10;
  const language = args.language ?? guessLanguage(text);
  const model = embedder();
  // The query is embedded as a passage, like the stored texts: the model's cosines were fitted
  // on passage pairs (docs/embeddings.md).
  const vector = model ? (await model.passages([text]))[0]! : null;
  let docs: readonly DetectDoc[];
  if (args.state) {
    const rows = await repository.stateRecommendations(
      ctx,
      args.state.toUpperCase(),
      false,
      DETECTOR_VERSION,
      model?.model ?? null,
    );
    docs = await attachVectors(ctx, rows);
  } else {
    // Words only (no Lucene syntax), lower case so that none reads as an operator; accents are
    // kept (composed, as the imports store texts) for the indexes' analyzers.
    const folded = text.normalize('NFC').toLowerCase();
    const words = [...new Set(folded.match(/\p{L}[\p{L}\p{N}]{2,}/gu) ?? [])].slice(0, 64);
    if (words.length === 0 && !vector) return [];
    docs = await candidates(ctx, words.join(' '), language, vector, model?.model ?? null);
  }
  const floor = args.minScore ?? null;
  return matchText({ text, language, vector }, docs, {
    keepUnlinked: true,
    // The query's nearest vectors, however far: the `first` best are returned whatever their score.
    neighbours: Math.max(first, MIN_NEIGHBOURS),
    neighbourFloor: -1,
  })
    .filter((m) => floor == null || m.score >= floor)
    .slice(0, first)
    .map(({ id, score, kind, methods, evidence, linked }) => ({
      id,
      score,
      kind,
      overlaps: linked,
      methods: [...methods],
      evidence,
    }));
}
