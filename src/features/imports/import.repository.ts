import type { DbContext } from '../../graphql/context.ts';
import { cypher } from '../../db/cypher.ts';
import type { Tx } from '../../db/run.ts';
import { DuplicateConflictError } from '../../core/errors.ts';
import { CITATION_READER_VERSION, readCitations } from '../jurisprudence/index.ts';
import {
  anyClustered,
  lockStates,
  refreshClusterSignals,
  bumpDataVersion,
} from '../analytics-store/index.ts';
import type { MechanismHint, RecommendationRecord, SourceRef } from './recommendation-record.ts';

/**
 * A record ready to write: the hash of its content (which tells an unchanged re-import from an
 * update) and the key under which the same wording meets across sources.
 */
export type HashedRecord = RecommendationRecord & {
  readonly contentHash: string;
  readonly textKey: string;
};

export interface BatchResult {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** New source rows that joined a recommendation that already existed (same id or same wording). */
  readonly joined: number;
  readonly pledges: number;
  /** Mechanism codes this batch created. */
  readonly mechanismsCreated: string[];
  /** Every recommendation of the batch was new and created outright. */
  readonly allNew: boolean;
}

type Classified = {
  index: number;
  exists: boolean;
  sourceExists: boolean;
  contentHash: string | null;
  adoptedId: string | null;
};

/** Between dataset and source id in the `sources` of links. */
export const SOURCE_KEY_SEPARATOR = '\u0000';
/** A source row's key, as the `sources` of links list it. */
export const sourceKeyOf = (source: SourceRef) =>
  `${source.dataset}${SOURCE_KEY_SEPARATOR}${source.id}`;
const sourceKey = (r: RecommendationRecord) => sourceKeyOf(r.source);

/**
 * Writes one batch in one transaction: creates unknown mechanisms, then writes only the records
 * that are new or changed (a record whose source said the same last time is left untouched, so a
 * re-import writes nothing). Links are scoped to the source that states them, so several sources
 * of one recommendation add up.
 *
 * Recommendations new to the graph from a source not seen before (the bulk of a first import) are
 * CREATEd with their links in one statement; the rest go through MERGE. When a concurrent import
 * created one of them first, the uniqueness constraints fail the transaction and the batch is
 * written again, classified afresh, through MERGE only: no duplicates, and its counts say what
 * this run changed.
 *
 * With `assumeNew` (the previous batch of the run was all new), a batch whose recommendations
 * can only be new or conflict (see `creatableUnclassified`) is created without asking the graph
 * first which of its rows exist. That question is a fifth of a first import's time; the
 * uniqueness constraints on recommendation ids and source records answer it instead: a row that
 * exists fails the transaction, and the batch is written again, classified. `allNew` in the
 * result tells the caller whether to assume so for the next batch.
 */
export async function writeBatch(
  ctx: DbContext,
  records: readonly HashedRecord[],
  mechanisms: ReadonlyMap<string, MechanismHint>,
  {
    createNew = true,
    assumeNew = false,
    also,
  }: {
    /** `createNew: false` sends every row through MERGE (the tests compare both paths). */
    createNew?: boolean;
    assumeNew?: boolean;
    /** More statements for the same transaction, after the records (a document's own nodes). */
    also?: (tx: Tx) => Promise<void>;
  } = {},
): Promise<BatchResult> {
  if (!createNew) return writeBatchOnce(ctx, records, mechanisms, { createNew: false, also });
  if (assumeNew && creatableUnclassified(records)) {
    try {
      return await writeBatchOnce(ctx, records, mechanisms, {
        createNew: true,
        classify: false,
        also,
      });
    } catch (error) {
      // One of them exists (or a concurrent import created it): classify them after all.
      if (!(error instanceof DuplicateConflictError)) throw error;
    }
  }
  try {
    return await writeBatchOnce(ctx, records, mechanisms, { createNew: true, also });
  } catch (error) {
    // A concurrent import created one of these first: classify again and merge.
    if (!(error instanceof DuplicateConflictError)) throw error;
    return writeBatchOnce(ctx, records, mechanisms, { createNew: false, also });
  }
}

/**
 * Whether a batch's recommendations, if the graph lacks them, would all be created outright, so
 * that the constraints alone can tell whether it does: none joins a recommendation by its
 * wording under another id (which no constraint would notice) and no id comes twice.
 */
function creatableUnclassified(records: readonly HashedRecord[]): boolean {
  const ids = new Set<string>();
  for (const r of records) {
    if (r.kind === 'PLEDGE') continue;
    if (r.adoptByText || ids.has(r.id)) return false;
    ids.add(r.id);
  }
  return true;
}

async function writeBatchOnce(
  { db }: DbContext,
  records: readonly HashedRecord[],
  mechanisms: ReadonlyMap<string, MechanismHint>,
  {
    createNew,
    classify: classifyRecommendations = true,
    also,
  }: {
    createNew: boolean;
    also?: ((tx: Tx) => Promise<void>) | undefined;
    /** false: the recommendations are taken as absent, their sources as unseen (writeBatch). */
    classify?: boolean;
  },
): Promise<BatchResult> {
  return db.transaction(async (tx) => {
    const pledges = records.filter((r) => r.kind === 'PLEDGE');
    const recommendations = records.filter((r) => r.kind !== 'PLEDGE');
    const classify = async (query: string, rows: readonly HashedRecord[]) => {
      const found = rows.length
        ? await tx.run<Classified>(query, {
            rows: rows.map((r, index) => ({
              index,
              id: r.id,
              source: r.source,
              // Only sources whose ids come from the wording look for it under another id.
              textKey: r.adoptByText ? r.textKey : null,
            })),
          })
        : [];
      const byIndex = new Map(found.map((row) => [row.index, row]));
      return rows.map((record, index) => {
        const row = byIndex.get(index)!;
        // A row joins the recommendation that has its wording under another id.
        return {
          record: row.adoptedId ? { ...record, id: row.adoptedId } : record,
          existed: row.exists || row.adoptedId !== null,
          sourceExists: row.sourceExists,
          sourceKnown: row.contentHash !== null,
          unchanged: row.contentHash === record.contentHash,
        };
      });
    };
    const unclassified = (record: HashedRecord) => ({
      record,
      existed: false,
      sourceExists: false,
      sourceKnown: false,
      unchanged: false,
    });
    const classified = [
      ...(classifyRecommendations
        ? await classify(cypher('imports/classify-recommendations'), recommendations)
        : recommendations.map(unclassified)),
      ...(await classify(cypher('imports/classify-pledges'), pledges)),
    ];
    const changed = classified.filter((c) => !c.unchanged);
    // Per row: a new source either creates its recommendation or joins one that exists (from
    // another source, or from an earlier row of this batch: UPR Info has a row per recommending
    // state); a known source whose content changed is an update.
    const createdIds = new Set<string>();
    let created = 0;
    let joined = 0;
    for (const c of changed) {
      if (c.sourceKnown) continue;
      if (c.existed || createdIds.has(c.record.id)) joined++;
      else {
        createdIds.add(c.record.id);
        created++;
      }
    }

    const codes = [...new Set(changed.map((c) => c.record.mechanism))];
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
    const changedRecommendations = changed.filter((c) => c.record.kind !== 'PLEDGE');
    // Created outright: absent, from a source with no record yet, and the only row of the batch
    // with its id.
    const rowsPerId = new Map<string, number>();
    for (const c of changedRecommendations)
      rowsPerId.set(c.record.id, (rowsPerId.get(c.record.id) ?? 0) + 1);
    const isNew = (c: (typeof changedRecommendations)[number]) =>
      createNew && !c.existed && !c.sourceExists && rowsPerId.get(c.record.id) === 1;
    // Recommendations already in the graph that this batch changes (a new response, another
    // source's recommending states or themes): the analytics signals of the clusters holding them
    // are refreshed below, in this transaction, so their states are locked before the first
    // write, as every transaction that refreshes signals does (lockStates).
    const existing = changedRecommendations.filter((c) => c.existed);
    const existingStates = [...new Set(existing.map((c) => c.record.state))];
    if (existingStates.length) await lockStates(tx, existingStates);
    const fresh = changedRecommendations.filter(isNew).map((c) => ({
      ...c.record,
      ...distinctLinks(c.record),
      sourceKey: sourceKey(c.record),
      // Their citations are read below, in this transaction (readCitations).
      citationsRead: CITATION_READER_VERSION,
    }));
    const merging = changedRecommendations
      .filter((c) => !isNew(c))
      .map((c) => ({
        ...c.record,
        weak: c.record.weak ?? [],
        existed: c.existed,
        sourceKey: sourceKey(c.record),
      }));
    if (fresh.length) {
      const [written] = await tx.run<{ created: number }>(
        cypher('imports/create-recommendations'),
        { rows: fresh },
      );
      // A row whose state or mechanism vanished meanwhile would be dropped by the MATCHes.
      if (written?.created !== fresh.length)
        throw new Error(
          `import: ${fresh.length} recommendations to create, ${written?.created} created`,
        );
    }
    if (merging.length) {
      await tx.run(cypher('imports/upsert-recommendations'), { rows: merging });
      await tx.run(cypher('imports/link-recommendations'), { rows: merging });
    }
    // The citations their texts hold, replaced on the ones that existed; read before the
    // clusters' signals are refreshed, which rest on the articles they cite.
    await readCitations(
      tx,
      changedRecommendations.map((c) => ({
        id: c.record.id,
        text: c.record.text,
        language: c.record.language,
        mechanism: c.record.mechanism,
        replace: !isNew(c),
      })),
    );
    // Mostly they are in no cluster (a second source joining before detection ran): then the
    // refresh, whose statement Neo4j plans again and again while an import grows the graph, is
    // skipped.
    const existingIds = existing.map((c) => c.record.id);
    if (await anyClustered(tx, existingIds)) {
      await refreshClusterSignals(tx, existingStates, existingIds);
    }
    const changedPledges = changed.filter((c) => c.record.kind === 'PLEDGE').map((c) => c.record);
    if (changedPledges.length)
      await tx.run(cypher('imports/upsert-pledges'), { rows: changedPledges });
    if (also) await also(tx);
    if (changed.length || also) await bumpDataVersion(tx, 'recommendations');
    return {
      created,
      updated: changed.length - created - joined,
      unchanged: records.length - changed.length,
      joined,
      pledges: pledges.length,
      mechanismsCreated: merged.filter((m) => m.created).map((m) => m.code),
      allNew: fresh.length === recommendations.length,
    };
  });
}

/** A record's multi-valued links without repeats, so that creating them makes each link once. */
function distinctLinks(r: RecommendationRecord) {
  const by = <T>(items: readonly T[], key: (item: T) => string) => [
    ...new Map(items.map((item) => [key(item), item])).values(),
  ];
  return {
    recommendingStates: [...new Set(r.recommendingStates)],
    themes: by(r.themes, (t) => `${t.scheme}\u0000${t.code}`),
    affectedGroups: by(r.affectedGroups, (g) => g.code),
    sdgGoals: [...new Set(r.sdgGoals)],
    sdgTargets: [...new Set(r.sdgTargets)],
  };
}

export async function countRecommendations({ db }: DbContext): Promise<number> {
  const rows = await db.read<{ count: number }>(cypher('imports/count-recommendations'));
  return rows[0]?.count ?? 0;
}

/** Every mechanism's code and name, for sources that name bodies rather than codes (UHRI). */
export async function findMechanismNames({
  db,
}: DbContext): Promise<{ code: string; name: string | null }[]> {
  return db.read(cypher('imports/find-mechanism-names'));
}
