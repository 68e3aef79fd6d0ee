/**
 * Reading citations from recommendation texts into the graph: at import (every source calls
 * `readCitations` in its write transaction) and with `recgraph jurisprudence link [--full]` for
 * what is already in the graph. docs/jurisprudence.md, "Citations".
 */
import type { Tx } from '../../db/run.ts';
import { refreshAllClusterSignals } from '../analytics-store/index.ts';
import type { DbContext } from '../../graphql/context.ts';
import { parseArticleCode } from './article-codes.ts';
import {
  countCitations,
  countUnreadRecommendations,
  findUnreadRecommendations,
  removeOrphanCitations,
  resolveCitations,
  unresolveCitations,
  writeCitations,
  type CitationCount,
  type CitationWriteRow,
} from './citation.repository.ts';
import { extractCitations } from './citations/index.ts';

/**
 * The version of the reading stored on each recommendation (`citationsRead`). Change it when the
 * extractor or its vocabulary changes, so that `recgraph jurisprudence link` reads again the
 * recommendations read by the older one.
 */
export const CITATION_READER_VERSION = 'citations-2026-12';

/** What reading a recommendation's citations needs. */
export interface CitableRecommendation {
  readonly id: string;
  readonly text: string | null;
  readonly language: string | null;
  readonly mechanism: string | null;
  /** It may have citations already (they are replaced); false for one just created. */
  readonly replace: boolean;
}

/** A recommendation's citations grouped by reference, each with every span it was read from. */
export function citationRows(
  recommendations: readonly CitableRecommendation[],
): CitationWriteRow[] {
  return recommendations.map((r) => {
    const found = r.text
      ? extractCitations(r.text, { language: r.language, mechanism: r.mechanism })
      : [];
    const byReference = new Map<string, CitationWriteRow['citations'][number]>();
    for (const c of found) {
      const seen = byReference.get(c.reference);
      if (seen) {
        byReference.set(c.reference, {
          ...seen,
          spans: [...seen.spans, c.span],
          starts: [...seen.starts, c.start],
          ends: [...seen.ends, c.end],
        });
        continue;
      }
      const parsed = c.kind === 'ARTICLE' ? parseArticleCode(c.reference) : null;
      byReference.set(c.reference, {
        reference: c.reference,
        kind: c.kind,
        spans: [c.span],
        starts: [c.start],
        ends: [c.end],
        article: parsed?.ok ? parsed.article : null,
      });
    }
    return { id: r.id, replace: r.replace, citations: [...byReference.values()] };
  });
}

/**
 * Reads and stores the citations of recommendations written in this transaction, and points the
 * new references at their targets where the graph has them. The import creates recommendations
 * with `citationsRead` set to CITATION_READER_VERSION.
 */
export async function readCitations(
  tx: Tx,
  recommendations: readonly CitableRecommendation[],
): Promise<void> {
  // A recommendation just created that cites nothing needs no statement: its creation recorded
  // the reading (create-recommendations sets citationsRead).
  const rows = citationRows(recommendations).filter((r) => r.replace || r.citations.length);
  if (!rows.length) return;
  await writeCitations(tx, rows, CITATION_READER_VERSION);
  const references = [...new Set(rows.flatMap((r) => r.citations.map((c) => c.reference)))];
  await resolveCitations(tx, references);
}

export interface LinkProgress {
  readonly done: number;
  readonly total: number;
}

export interface LinkSummary {
  readonly full: boolean;
  /** Recommendations read. */
  readonly read: number;
  /** Of those, the ones that cite something. */
  readonly citing: number;
  /** Citations found in them (one per reference and recommendation). */
  readonly citations: number;
  /** References given a target by this run. */
  readonly resolved: number;
  /** Every citation in the graph, by kind, after the run. */
  readonly byKind: readonly CitationCount[];
  readonly ms: number;
}

const LINK_PAGE = 2000;

/**
 * Reads the citations of the recommendations not read by this reader version (all of them with
 * `full`), a page per transaction, then points every citation without a target at it (a decision
 * or general comment imported since is found now); with `full`, every citation's target is looked
 * up again.
 */
export async function linkCitations(
  ctx: DbContext,
  {
    full = false,
    onProgress,
  }: { full?: boolean; onProgress?: (progress: LinkProgress) => void } = {},
): Promise<LinkSummary> {
  const started = performance.now();
  const version = CITATION_READER_VERSION;
  const total = await countUnreadRecommendations(ctx, { all: full, version });
  let after = '';
  let read = 0;
  let citing = 0;
  let citations = 0;
  onProgress?.({ done: 0, total });
  for (;;) {
    const page = await findUnreadRecommendations(ctx, {
      after,
      limit: LINK_PAGE,
      all: full,
      version,
    });
    if (!page.length) break;
    after = page.at(-1)!.id;
    const rows = citationRows(page.map((r) => ({ ...r, replace: true })));
    await ctx.db.transaction((tx) => writeCitations(tx, rows, version));
    read += page.length;
    citing += rows.filter((r) => r.citations.length).length;
    citations += rows.reduce((n, r) => n + r.citations.length, 0);
    onProgress?.({ done: read, total });
  }
  const resolved = await ctx.db.transaction(async (tx) => {
    await removeOrphanCitations(tx);
    // With --full every target is looked up again, in the same transaction as it is forgotten,
    // so that readers never see the citations without their targets.
    if (full) await unresolveCitations(tx);
    return resolveCitations(tx, null);
  });
  // The clusters' ADVERSE_JURISPRUDENCE signals rest on the articles recommendations cite.
  if (read || resolved) await refreshAllClusterSignals(ctx);
  return {
    full,
    read,
    citing,
    citations,
    resolved,
    byKind: await countCitations(ctx),
    ms: Math.round(performance.now() - started),
  };
}

/** Points every citation without a target at it (after decisions or general comments were imported). */
export async function resolvePendingCitations(ctx: DbContext): Promise<number> {
  return ctx.db.transaction((tx) => resolveCitations(tx, null));
}
