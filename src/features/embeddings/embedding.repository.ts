/** Every statement of the embeddings feature; Cypher lives in cypher/queries/embeddings. */
import type { DbContext } from '../../graphql/context.ts';
import { cypher } from '../../db/cypher.ts';

type PendingRow = { id: string; text: string | null };
type VectorRow = { key: string; vector: number[] };
type CountRow = { pending: number };

export async function countPending(ctx: DbContext, model: string): Promise<number> {
  const [row] = await ctx.db.read<CountRow>(cypher('embeddings/count-pending'), { model });
  return Number(row?.pending ?? 0);
}

/** A page of recommendations waiting for a vector, by id after `after`. */
export function pendingPage(
  ctx: DbContext,
  model: string,
  after: string,
  limit: number,
): Promise<PendingRow[]> {
  return ctx.db.read<PendingRow>(cypher('embeddings/pending-recommendations'), {
    model,
    after,
    limit,
  });
}

/** Vectors the graph already holds for these content keys. */
export async function vectorsByKey(
  ctx: DbContext,
  model: string,
  keys: readonly string[],
): Promise<Map<string, Float32Array>> {
  if (keys.length === 0) return new Map();
  const rows = await ctx.db.read<VectorRow>(cypher('embeddings/vectors-by-key'), { model, keys });
  return new Map(rows.map((r) => [r.key, Float32Array.from(r.vector)]));
}

export async function setVectors(
  ctx: DbContext,
  model: string,
  rows: readonly { id: string; text: string; key: string; vector: Float32Array }[],
): Promise<void> {
  await ctx.db.write(cypher('embeddings/set-vectors'), {
    model,
    rows: rows.map((r) => ({ id: r.id, text: r.text, key: r.key, vector: Array.from(r.vector) })),
  });
}
