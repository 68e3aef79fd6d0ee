import { similarities } from '../embeddings/index.ts';

/**
 * One state's text vectors, packed for fast cosines (they are L2-normalised, so a dot product),
 * and each text's nearest neighbours as overlap candidates: exact, every text against every other
 * of the state with the SIMD kernel (a few thousand texts at most in one state; docs/overlaps.md,
 * "Speed").
 */
export class VectorIndex {
  private readonly packed: Float32Array;
  private readonly row: Int32Array;
  private readonly dims: number;
  /** How many texts have a vector. */
  readonly count: number;

  constructor(vectors: readonly (Float32Array | null)[]) {
    this.dims = vectors.find((v) => v)?.length ?? 0;
    this.row = new Int32Array(vectors.length).fill(-1);
    let count = 0;
    vectors.forEach((v, i) => {
      if (v && v.length === this.dims) this.row[i] = count++;
    });
    this.count = count;
    this.packed = new Float32Array(count * this.dims);
    vectors.forEach((v, i) => {
      if (this.row[i]! >= 0) this.packed.set(v!, this.row[i]! * this.dims);
    });
  }

  /** Rows of cosines the neighbour search computed (by packed row), reused by `cosine`. */
  private readonly computed = new Map<number, Float32Array>();

  /** The cosine of texts i and j, or null when either has no vector. */
  cosine(i: number, j: number): number | null {
    const x = this.row[i]!;
    const y = this.row[j]!;
    if (x < 0 || y < 0) return null;
    const known = this.computed.get(x) ?? this.computed.get(y);
    if (known) return known[this.computed.has(x) ? y : x]!;
    return this.dot(x * this.dims, y * this.dims);
  }

  private dot(p: number, q: number): number {
    const v = this.packed;
    const n = this.dims;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let k = 0;
    for (; k + 3 < n; k += 4) {
      s0 += v[p + k]! * v[q + k]!;
      s1 += v[p + k + 1]! * v[q + k + 1]!;
      s2 += v[p + k + 2]! * v[q + k + 2]!;
      s3 += v[p + k + 3]! * v[q + k + 3]!;
    }
    for (; k < n; k++) s0 += v[p + k]! * v[q + k]!;
    return s0 + s1 + s2 + s3;
  }

  /**
   * Proposes each text's `k` nearest texts with a cosine of at least `floor` (with `only`, the
   * nearest of each text in `only`, and each other text's nearest among those).
   */
  neighbours(
    k: number,
    floor: number,
    add: (i: number, j: number) => void,
    only: ReadonlySet<number> | null,
  ): void {
    if (k <= 0 || this.count < 2) return;
    const docOf = new Int32Array(this.count);
    this.row.forEach((r, i) => {
      if (r >= 0) docOf[r] = i;
    });
    const best = new Map<number, { ids: number[]; sims: number[] }>();
    const offer = (i: number, j: number, sim: number) => {
      let list = best.get(i);
      if (!list) best.set(i, (list = { ids: [], sims: [] }));
      if (list.ids.length === k && sim <= list.sims[k - 1]!) return;
      if (list.ids.length < k) {
        list.ids.push(j);
        list.sims.push(sim);
      }
      let at = list.ids.length - 1;
      while (at > 0 && list.sims[at - 1]! < sim) {
        list.ids[at] = list.ids[at - 1]!;
        list.sims[at] = list.sims[at - 1]!;
        at--;
      }
      list.ids[at] = j;
      list.sims[at] = sim;
    };
    const sourceRows = only
      ? [...only].filter((i) => this.row[i]! >= 0).map((i) => this.row[i]!)
      : null;
    const isSource = only ? (doc: number) => only.has(doc) : () => true;
    similarities(this.packed, this.count, this.dims, sourceRows, (r, cosines) => {
      // Kept for scoring the candidate pairs, which would otherwise compute them again.
      this.computed.set(r, Float32Array.from(cosines));
      const i = docOf[r]!;
      for (let c = 0; c < cosines.length; c++) {
        const sim = cosines[c]!;
        if (c === r || sim < floor) continue;
        const j = docOf[c]!;
        offer(i, j, sim);
        // A text outside `only` gets its nearest among the sources from the sources' rows.
        if (!isSource(j)) offer(j, i, sim);
      }
    });
    for (const [i, list] of best) for (const j of list.ids) add(i, j);
  }
}
