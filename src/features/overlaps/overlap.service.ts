/**
 * Overlap detection against the graph: per state, load its recommendations, detect (only the
 * new ones against all of the state's, or everything with `full`), store links, repeats and the
 * state's clusters in one transaction per state.
 */
import { createHash } from 'node:crypto';
import DataLoader from 'dataloader';
import type { DbContext } from '../../context.ts';
import { DETECTOR_VERSION, detectState, type DetectedLink } from './detect.ts';
import { groupedByKeys } from '../shared/by-keys.ts';
import * as repository from './overlap.repository.ts';

export interface DetectOptions {
  /** Rebuild everything: drop the detector's suggestions (reviewed links stay) and compare all. */
  readonly full?: boolean;
  /** Called after each state, for progress. */
  readonly onState?: (progress: { state: string; done: number; total: number }) => void;
}

export interface DetectSummary {
  readonly states: number;
  readonly compared: number;
  readonly candidates: number;
  readonly links: number;
  readonly repeats: number;
  readonly clusters: number;
  readonly ms: number;
}

export async function detectOverlaps(
  ctx: DbContext,
  options: DetectOptions = {},
): Promise<DetectSummary> {
  const started = performance.now();
  const full = options.full ?? false;
  const states = await repository.statesToDetect(ctx, full, DETECTOR_VERSION);
  let compared = 0;
  let candidates = 0;
  let links = 0;
  let repeats = 0;
  let clusters = 0;
  for (const [done, state] of states.entries()) {
    const docs = await repository.stateRecommendations(ctx, state, full, DETECTOR_VERSION);
    const newIds = new Set(docs.filter((d) => d.isNew).map((d) => d.id));
    const result = detectState(docs, { newIds: full ? null : newIds });
    const written = await repository.writeState(
      ctx,
      state,
      {
        full,
        version: DETECTOR_VERSION,
        links: result.links.map(toRow),
        repeats: result.repeats,
        compared: [...newIds],
      },
      (stateLinks) => clustersOf(stateLinks, docs),
    );
    compared += newIds.size;
    candidates += result.candidates;
    links += result.links.length;
    repeats += result.repeats.length;
    clusters += written.length;
    options.onState?.({ state, done: done + 1, total: states.length });
  }
  return {
    states: states.length,
    compared,
    candidates,
    links,
    repeats,
    clusters,
    ms: Math.round(performance.now() - started),
  };
}

function toRow(link: DetectedLink): repository.LinkRow {
  return {
    a: link.a,
    b: link.b,
    score: link.score,
    kind: link.kind,
    methods: link.methods,
    evidence: JSON.stringify(link.evidence),
    sharedTerms: link.evidence.sharedTerms,
    signature: link.evidence.signature,
  };
}

/**
 * Connected components of the links (union-find), as clusters with the mechanisms and years they
 * span. A cluster's id is derived from its smallest member, so it stays put while it grows.
 */
export function clustersOf(
  links: readonly { a: string; b: string }[],
  docs: readonly { id: string; mechanism: string; year: number | null }[],
): repository.ClusterRow[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    for (let y = x; parent.get(y) !== root;) {
      const next = parent.get(y)!;
      parent.set(y, root);
      y = next;
    }
    return root;
  };
  for (const { a, b } of links) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const byId = new Map(docs.map((d) => [d.id, d]));
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    const list = groups.get(root);
    if (list) list.push(id);
    else groups.set(root, [id]);
  }
  return [...groups.values()].map((members) => {
    members.sort();
    const mechanisms = [
      ...new Set(members.map((id) => byId.get(id)?.mechanism).filter((m) => m != null)),
    ].sort();
    const years = [
      ...new Set(members.map((id) => byId.get(id)?.year).filter((y): y is number => y != null)),
    ].sort((x, y) => x - y);
    return {
      id: `cluster:${createHash('sha1').update(members[0]!).digest('hex').slice(0, 16)}`,
      members,
      mechanisms,
      years,
      firstYear: years[0] ?? null,
      lastYear: years.at(-1) ?? null,
    };
  });
}

export async function exportCsvRows(ctx: DbContext) {
  return repository.exportLinks(ctx);
}

export const overlapCounts = repository.counts;

/**
 * `Recommendation.overlaps` filters by its arguments what one batched load per request fetched
 * (a loader per context, since the dataloader plugin keys its loaders by field, not arguments).
 */
const overlapLoaders = new WeakMap<object, DataLoader<string, repository.OverlapView[]>>();

export async function overlapsOf(
  ctx: DbContext,
  id: string,
  filter: { minScore?: number | null; kinds?: readonly string[] | null },
): Promise<repository.OverlapView[]> {
  let loader = overlapLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) =>
      groupedByKeys(ids, await repository.findOverlaps(ctx, ids)),
    );
    overlapLoaders.set(ctx, loader);
  }
  const all = await loader.load(id);
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
