/**
 * "Did you mean": the candidates closest to what a user wrote, for messages about an unknown
 * state, mechanism or instrument. Edit distance by fastest-levenshtein.
 */
import { distance } from 'fastest-levenshtein';

/** The words of a code or name in alphabetical order ("cedaw_op" and "op_cedaw": "cedaw op"). */
const sortedWords = (text: string) =>
  text
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .sort()
    .join(' ');

/**
 * The candidates closest to `value` (case-insensitive): those containing it or contained in it
 * first, then by edit distance (of the text, or of its words in order: "cedaw_op" is "op_cedaw"),
 * leaving out those that differ in more than half their length.
 * @param keys the texts each candidate is known by (a code, a name)
 * @example closestMatches('belem', ['belem_do_para', 'cedaw'], (c) => [c]) // ['belem_do_para']
 */
export function closestMatches<T>(
  value: string,
  candidates: readonly T[],
  keys: (candidate: T) => readonly string[],
  limit = 3,
): T[] {
  const wanted = value.trim().toLowerCase();
  if (!wanted) return [];
  const scored = candidates.flatMap((candidate) => {
    let best = Infinity;
    for (const key of keys(candidate)) {
      const k = key.toLowerCase();
      if (!k) continue;
      // A part of the other ("belem" of "belem_do_para"), unless too short to mean anything.
      const contains =
        Math.min(k.length, wanted.length) >= 3 && (k.includes(wanted) || wanted.includes(k));
      const score = contains
        ? Math.abs(k.length - wanted.length) / 100
        : Math.min(distance(wanted, k), distance(sortedWords(wanted), sortedWords(k)));
      if (score <= Math.max(1, Math.floor(Math.max(k.length, wanted.length) / 2))) {
        best = Math.min(best, score);
      }
    }
    return best === Infinity ? [] : [{ candidate, score: best }];
  });
  return scored
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map((s) => s.candidate);
}
