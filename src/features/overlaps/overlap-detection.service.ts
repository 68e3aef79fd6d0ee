/**
 * Overlap detection against the graph: per state, load its recommendations, detect (only the
 * new ones against all of the state's, or everything with `full`), store links, repeats, the
 * state's clusters and their analytics signals in one transaction per state.
 */
import type { DbContext } from '../../graphql/context.ts';
import {
  attachVectors,
  embedder,
  embedPending,
  type EmbedProgress,
  type EmbedSummary,
} from '../embeddings/index.ts';
import { buildClusters, clustersOf, growClusters } from './clusters.ts';
import { DETECTOR_VERSION, detectState, type DetectedLink } from './detect.ts';
import { serialiseAnalysis } from './text.ts';
import * as repository from './overlap.repository.ts';

export interface DetectOptions {
  /** Rebuild everything: drop the detector's suggestions (reviewed links stay) and compare all. */
  readonly full?: boolean;
  /** Called after each state, for progress. */
  readonly onState?: (progress: { state: string; done: number; total: number }) => void;
  /** Called while pending texts are embedded first (lexical-only mode: never). */
  readonly onEmbed?: (progress: EmbedProgress) => void;
}

export interface DetectSummary {
  readonly states: number;
  readonly compared: number;
  readonly candidates: number;
  readonly links: number;
  readonly repeats: number;
  /** Clusters written: all of each state's with `full`, else those the new links created or merged. */
  readonly clusters: number;
  /**
   * The time spent refreshing the clusters' analytics signals (in the states' write
   * transactions, which overlap with comparing, so not a share of `ms`).
   */
  readonly signalsMs: number;
  /** The texts embedded before comparing (part of `ms`), or null in lexical-only mode. */
  readonly embedding: EmbedSummary | null;
  readonly ms: number;
}

/** How many states' results are written at once (each in its own transaction). */
const WRITERS = 2;

export async function detectOverlaps(
  ctx: DbContext,
  options: DetectOptions = {},
): Promise<DetectSummary> {
  const started = performance.now();
  const full = options.full ?? false;
  // Every text gets its vector first, so that each comparison sees both vectors.
  const model = embedder();
  const embedding = model ? await embedPending(ctx, { onProgress: options.onEmbed }) : null;
  const states = await repository.statesToDetect(ctx, full, DETECTOR_VERSION);
  let compared = 0;
  let candidates = 0;
  let links = 0;
  let repeats = 0;
  let clusters = 0;
  let signalsMs = 0;
  // A pipeline: while Neo4j writes earlier states' results (up to WRITERS transactions at
  // once, on states that share no node) and reads the next state's recommendations, this
  // process compares the current one.
  const writing = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  let done = 0;
  const load = (state: string) => {
    const loading = repository
      .stateRecommendations(ctx, state, full, DETECTOR_VERSION, model?.model ?? null)
      .then((rows) => attachVectors(ctx, rows));
    // Awaited on the next turn; until then a failure must not count as unhandled.
    void loading.catch(() => undefined);
    return loading;
  };
  let next = states.length > 0 ? load(states[0]!) : null;
  for (const [k, state] of states.entries()) {
    if (failure) break;
    const docs = await next!;
    // The next state loads while this one is compared.
    next = k + 1 < states.length ? load(states[k + 1]!) : null;
    const newIds = new Set(docs.filter((d) => d.isNew).map((d) => d.id));
    const result = detectState(docs, { newIds: full ? null : newIds });
    const update: repository.ClusterUpdate = full
      ? { kind: 'rebuild', build: (live) => clustersOf(live, docs) }
      : {
          kind: 'grow',
          grow: (touched, live) => growClusters(touched, live, docs, (id) => newIds.has(id)),
          rebuild: buildClusters,
        };
    while (writing.size >= WRITERS) await Promise.race(writing);
    if (failure) break;
    const write: Promise<void> = repository
      .writeState(
        ctx,
        state,
        {
          full,
          version: DETECTOR_VERSION,
          links: result.links.map(toRow),
          repeats: result.repeats,
          compared: docs.flatMap((d, i) =>
            newIds.has(d.id)
              ? [{ id: d.id, analysis: serialiseAnalysis(result.analyses[i]!) }]
              : [],
          ),
        },
        update,
      )
      .then(
        (written) => {
          compared += newIds.size;
          candidates += result.candidates;
          links += result.links.length;
          repeats += result.repeats.length;
          clusters += written.clusters;
          signalsMs += written.signalsMs;
          done++;
          options.onState?.({ state, done, total: states.length });
        },
        // Kept, not left unhandled, until the loop sees it.
        (error: unknown) => {
          failure ??= { error };
        },
      )
      .finally(() => writing.delete(write));
    writing.add(write);
  }
  await Promise.all(writing);
  if (failure) throw (failure as { error: unknown }).error;
  return {
    signalsMs: Math.round(signalsMs),
    embedding,
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
    jaccard: link.evidence.jaccard,
    containment: link.evidence.containment,
    clusters: link.clusters,
    sharedTerms: link.evidence.sharedTerms,
    signature: link.evidence.signature,
    cosine: link.evidence.cosine,
    parts: [
      link.evidence.parts.lexical,
      link.evidence.parts.signature,
      link.evidence.parts.embedding,
    ],
  };
}
