/**
 * MinHash signatures and LSH banding: the candidate step, so that detection never scores all
 * pairs of a state. Two token sets with Jaccard J share a band with probability
 * 1 - (1 - J^ROWS)^BANDS (ROWS 2, BANDS 24: J 0.1 -> 0.21, 0.2 -> 0.63, 0.3 -> 0.90,
 * 0.4 -> 0.98). Tokens present in more than a fifth of a state's recommendations ("human",
 * "right") are left out of the signature, which raises the Jaccard of pairs that share the
 * words that matter; bench/overlaps.ts measures the candidate recall against all-pairs scoring.
 */

export const BANDS = 24;
export const ROWS = 2;
const HASHES = BANDS * ROWS;

/** 32-bit FNV-1a of a token. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One independent 32-bit mix per hash function (murmur3's finaliser over the seeded value). */
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const SEEDS = Array.from({ length: HASHES }, (_, i) => mix(i + 1, 0x9e3779b9));
const tokenHashes = new Map<string, number>();

function tokenHash(token: string): number {
  let h = tokenHashes.get(token);
  if (h === undefined) {
    h = fnv1a(token);
    if (tokenHashes.size < 2_000_000) tokenHashes.set(token, h);
  }
  return h;
}

/** The MinHash signature of a token set; null when the set is empty. */
export function signature(tokens: Iterable<string>): Uint32Array | null {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  let any = false;
  for (const token of tokens) {
    any = true;
    const x = tokenHash(token);
    for (let i = 0; i < HASHES; i++) {
      const h = mix(x, SEEDS[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return any ? sig : null;
}

/** Candidate pairs (indexes into `signatures`) whose signatures share a band; may repeat a pair. */
export function lshCandidates(
  signatures: ReadonlyArray<Uint32Array | null>,
  emit: (i: number, j: number) => void,
): void {
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<number, number[]>();
    for (let i = 0; i < signatures.length; i++) {
      const sig = signatures[i];
      if (!sig) continue;
      // Two 32-bit values folded into one safe integer key (collisions only add candidates).
      const key = sig[band * ROWS]! * 2097152 + (sig[band * ROWS + 1]! & 0x1fffff);
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    }
    for (const bucket of buckets.values()) {
      if (bucket.length < 2) continue;
      for (let x = 0; x < bucket.length; x++) {
        for (let y = x + 1; y < bucket.length; y++) {
          emit(bucket[x]!, bucket[y]!);
        }
      }
    }
  }
}
