import type { DbContext } from '../../context.ts';
import { cypher } from '../../db/cypher.ts';
import type { MechanismHint, RecommendationRecord } from './recommendation-record.ts';

/** A record with the hash of its content, which tells an unchanged re-import from an update. */
export type HashedRecord = RecommendationRecord & { readonly contentHash: string };

export interface BatchResult {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Mechanism codes this batch created. */
  readonly mechanismsCreated: string[];
}

/**
 * Writes one batch in one transaction: creates unknown mechanisms, then writes only the records
 * that are new or changed (a record whose source said the same last time is left untouched, so a
 * re-import writes nothing), replacing their multi-valued links.
 */
export async function writeBatch(
  { db }: DbContext,
  records: readonly HashedRecord[],
  mechanisms: ReadonlyMap<string, MechanismHint>,
): Promise<BatchResult> {
  return db.transaction(async (tx) => {
    const known = await tx.run<{ id: string; exists: boolean; contentHash: string | null }>(
      cypher('imports/classify-recommendations'),
      { rows: records.map((r) => ({ id: r.id, source: r.source })) },
    );
    const state = new Map(known.map((row) => [row.id, row]));
    const changed = records.filter((r) => state.get(r.id)?.contentHash !== r.contentHash);
    const created = new Set(changed.filter((r) => !state.get(r.id)?.exists).map((r) => r.id)).size;

    const codes = [...new Set(changed.map((r) => r.mechanism))];
    const merged = await tx.run<{ code: string; created: boolean }>(
      cypher('imports/merge-mechanisms'),
      {
        mechanisms: codes.map((code) => ({
          code,
          kind: mechanisms.get(code)?.kind ?? null,
          name: mechanisms.get(code)?.name ?? null,
        })),
      },
    );
    if (changed.length) {
      const rows = changed.map((r) => ({ ...r, existed: state.get(r.id)?.exists ?? false }));
      await tx.run(cypher('imports/upsert-recommendations'), { rows });
      await tx.run(cypher('imports/link-recommendations'), { rows });
    }
    return {
      created,
      updated: changed.length - created,
      unchanged: records.length - changed.length,
      mechanismsCreated: merged.filter((m) => m.created).map((m) => m.code),
    };
  });
}

export async function countRecommendations({ db }: DbContext): Promise<number> {
  const rows = await db.read<{ count: number }>(cypher('imports/count-recommendations'));
  return rows[0]?.count ?? 0;
}
