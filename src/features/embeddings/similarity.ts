/**
 * Cosines between L2-normalised vectors in bulk, with the SIMD matrix kernel the model uses
 * (use/matmul.wat): the rows asked for against all rows, a block of rows at a time. What overlap
 * detection's vector neighbours run on (a state's texts against each other), about ten times as
 * fast as a plain loop here.
 */
import { Kernel } from './use/model.ts';

/** Rows per block: the block's cosines (ROWS x n floats) stay small while B is streamed. */
const ROWS = 32;

/**
 * Calls `visit(row, cosines)` for each of `rows` (all when null), in order, with its cosines to
 * every row of `vectors` (n rows of `dims`, row-major); `cosines` is only valid during the call.
 */
export function similarities(
  vectors: Float32Array,
  n: number,
  dims: number,
  rows: readonly number[] | null,
  visit: (row: number, cosines: Float32Array) => void,
): void {
  if (n === 0) return;
  const cols = Math.ceil(n / 8) * 8; // the kernel's column count is a multiple of 8
  const kernel = new Kernel();
  const at = {
    transposed: kernel.alloc(dims * cols),
    block: kernel.alloc(ROWS * dims),
    out: kernel.alloc(ROWS * cols),
  };
  const transposed = kernel.view(at.transposed, dims * cols);
  const block = kernel.view(at.block, ROWS * dims);
  const out = kernel.view(at.out, ROWS * cols);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < dims; k++) transposed[k * cols + i] = vectors[i * dims + k]!;
  }
  const list = rows ?? Array.from({ length: n }, (_, i) => i);
  for (let s = 0; s < list.length; s += ROWS) {
    const m = Math.min(ROWS, list.length - s);
    for (let r = 0; r < m; r++) {
      const i = list[s + r]!;
      block.set(vectors.subarray(i * dims, (i + 1) * dims), r * dims);
    }
    out.fill(0, 0, m * cols);
    kernel.matmulAdd(at.block, at.transposed, at.out, m, dims, cols);
    for (let r = 0; r < m; r++) visit(list[s + r]!, out.subarray(r * cols, r * cols + n));
  }
}
