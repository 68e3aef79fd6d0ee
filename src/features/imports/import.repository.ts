import type { DbContext } from '../../context.ts';
import { cypher } from '../../db/cypher.ts';
import type { RecommendationRecord } from './recommendation-record.ts';

/** Rows per transaction: large enough to amortise round trips, small enough for a bounded heap. */
export const BATCH_SIZE = 1000;

/**
 * Writes records in batches, each batch one transaction: nodes and single links first, then the
 * multi-valued links (replaced, so a record's links are exactly what it lists).
 * @returns how many records were written
 */
export async function upsertRecommendations(
  { db }: DbContext,
  records: readonly RecommendationRecord[],
  onBatch?: (written: number) => void,
): Promise<number> {
  let written = 0;
  for (let start = 0; start < records.length; start += BATCH_SIZE) {
    const rows = records.slice(start, start + BATCH_SIZE);
    await db.transaction(async (tx) => {
      await tx.run(cypher('imports/upsert-recommendations'), { rows });
      await tx.run(cypher('imports/link-recommendations'), { rows });
    });
    written += rows.length;
    onBatch?.(written);
  }
  return written;
}

export async function countRecommendations({ db }: DbContext): Promise<number> {
  const rows = await db.read<{ count: number }>(cypher('imports/count-recommendations'));
  return rows[0]?.count ?? 0;
}
