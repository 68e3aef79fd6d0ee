/**
 * What the schema reads of overlaps: a recommendation's overlaps, repeats and cluster (batched
 * per request), a state's clusters, and the links for export.
 */
import DataLoader from 'dataloader';
import type { DbContext } from '../../graphql/context.ts';
import {
  pageRequest,
  toConnection,
  type Connection,
  type PageArgs,
} from '../../core/pagination.ts';
import type { Evidence } from './score.ts';
import { groupedByKeys } from '../../core/by-keys.ts';
import * as repository from './overlap.repository.ts';

/** The evidence of a stored link (links from before overlaps-2 kept it as one JSON string). */
/** A stored link's evidence: links from before the hybrid model have no parts. */
export type StoredLinkEvidence = Omit<Evidence, 'parts'> & {
  readonly parts: Evidence['parts'] | null;
};

export function evidenceOf(stored: repository.StoredEvidence): StoredLinkEvidence {
  if (stored.jaccard == null && stored.json)
    return {
      cosine: null,
      parts: null,
      ...(JSON.parse(stored.json) as Omit<Evidence, 'cosine' | 'parts'>),
    };
  return {
    sharedTerms: stored.sharedTerms ?? [],
    signature: stored.signature,
    jaccard: stored.jaccard ?? 0,
    containment: stored.containment ?? 0,
    cosine: stored.cosine ?? null,
    // Links stored before the hybrid model have no parts.
    parts: stored.parts
      ? { lexical: stored.parts[0]!, signature: stored.parts[1]!, embedding: stored.parts[2]! }
      : null,
  };
}

export async function exportCsvRows(ctx: DbContext) {
  return repository.exportLinks(ctx);
}

/**
 * A DataLoader per request context and batch function: for fields whose arguments filter what
 * one batched load fetched (the dataloader plugin keys its loaders by field, not arguments) or
 * whose values are ids of another loadable type.
 */
function perRequest<V>(batch: (ctx: DbContext, ids: readonly string[]) => Promise<V[]>) {
  const loaders = new WeakMap<DbContext, DataLoader<string, V>>();
  return (ctx: DbContext, id: string): Promise<V> => {
    let loader = loaders.get(ctx);
    if (!loader) {
      loader = new DataLoader((ids: readonly string[]) => batch(ctx, ids));
      loaders.set(ctx, loader);
    }
    return loader.load(id);
  };
}

const loadOverlaps = perRequest(async (ctx, ids) =>
  groupedByKeys(ids, await repository.findOverlaps(ctx, ids)),
);

/** The member ids of a cluster, oldest first. */
export const clusterMembersOf = perRequest(async (ctx, ids) =>
  groupedByKeys(ids, await repository.findClusterMembers(ctx, ids)),
);

/** The cluster a recommendation belongs to, or null. */
export const clusterOf = perRequest(async (ctx, ids) => {
  const byId = new Map(
    (await repository.findRecommendationClusters(ctx, ids)).map(({ key, ...c }) => [key, c]),
  );
  return ids.map((id) => byId.get(id) ?? null);
});

/** `Recommendation.overlaps`: one batched load per request, filtered by each field's arguments. */
export async function overlapsOf(
  ctx: DbContext,
  id: string,
  filter: { minScore?: number | null; kinds?: readonly string[] | null },
): Promise<repository.OverlapView[]> {
  const all = await loadOverlaps(ctx, id);
  return all.filter(
    (o) =>
      o.score >= (filter.minScore ?? 0) && (!filter.kinds?.length || filter.kinds.includes(o.kind)),
  );
}

/** The REPEATS of each recommendation in one direction, a list per id (for `t.loadableList`). */
export async function repeatsOf(
  ctx: DbContext,
  ids: readonly string[],
  direction: 'repeats' | 'repeatedBy',
) {
  return groupedByKeys(ids, await repository.findRepeats(ctx, ids, direction));
}

/** A state's overlap clusters, most mechanisms first, then largest. */
export async function stateClusters(
  ctx: DbContext,
  state: string,
  args: PageArgs & { minMechanisms?: number | null | undefined },
): Promise<Connection<repository.ClusterView & { key: string }>> {
  const minMechanisms = args.minMechanisms ?? 1;
  const page = pageRequest(args);
  const rows = await repository.findStateClusters(ctx, state, minMechanisms, page);
  return toConnection(
    rows,
    page,
    (c) => c.key,
    () => repository.countStateClusters(ctx, state, minMechanisms),
  );
}
