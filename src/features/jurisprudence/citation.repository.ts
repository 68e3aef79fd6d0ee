/**
 * Where citations are stored and read (cypher/queries/jurisprudence/citations-*.cypher): a
 * Citation node per canonical reference, CITES from each recommendation that cites it (with the
 * spans), REFERS_TO its target once the graph holds it. docs/jurisprudence.md, "Citations".
 */
import { groupedByKeys } from '../../core/by-keys.ts';
import { cypher } from '../../db/cypher.ts';
import type { Tx } from '../../db/run.ts';
import type { DbContext } from '../../graphql/context.ts';
import type { TreatyArticle } from './article-codes.ts';
import type { CitationKind } from './citations/index.ts';

/** One recommendation's citations, grouped by reference, ready to write. */
export interface CitationWriteRow {
  readonly id: string;
  /** Whether the recommendation may already have citations (they are replaced). */
  readonly replace: boolean;
  readonly citations: readonly {
    readonly reference: string;
    readonly kind: CitationKind;
    readonly spans: readonly string[];
    readonly starts: readonly number[];
    readonly ends: readonly number[];
    /** A cited treaty article's parts, when its code parses. */
    readonly article: TreatyArticle | null;
  }[];
}

/** The types a citation's target can be. */
export type CitationTargetType =
  'GeneralComment' | 'Decision' | 'TreatyArticle' | 'Recommendation' | 'Document';

/** One citation as stored on a recommendation's CITES link (spans in text order). */
export interface StoredCitation {
  readonly reference: string;
  readonly kind: CitationKind;
  readonly spans: readonly string[];
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly targetType: CitationTargetType | null;
  /** The target's key: an id, an article code or a document symbol. */
  readonly targetKey: string | null;
}

export type UnreadRecommendation = {
  readonly id: string;
  readonly text: string | null;
  readonly language: string | null;
  readonly mechanism: string | null;
};

export type CitationCount = {
  readonly kind: CitationKind;
  /** Distinct references. */
  readonly references: number;
  readonly resolved: number;
  /** Recommendation-to-reference links. */
  readonly links: number;
  readonly resolvedLinks: number;
};

export async function writeCitations(
  tx: Tx,
  rows: readonly CitationWriteRow[],
  version: string,
): Promise<void> {
  if (rows.length) await tx.run(cypher('jurisprudence/citations-write'), { rows, version });
}

/** Points the citations without a target at it; `references: null` looks at every one. */
export async function resolveCitations(
  tx: Tx,
  references: readonly string[] | null,
): Promise<number> {
  if (references?.length === 0) return 0;
  const [row] = await tx.run<{ resolved: number }>(cypher('jurisprudence/citations-resolve'), {
    references,
  });
  return row?.resolved ?? 0;
}

/** Forgets every target but treaty articles' (before resolving all again). */
export async function unresolveCitations(tx: Tx): Promise<number> {
  const [row] = await tx.run<{ removed: number }>(cypher('jurisprudence/citations-unresolve'));
  return row?.removed ?? 0;
}

/** Removes references no recommendation cites any more. */
export async function removeOrphanCitations(tx: Tx): Promise<number> {
  const [row] = await tx.run<{ removed: number }>(cypher('jurisprudence/citations-remove-orphans'));
  return row?.removed ?? 0;
}

export async function findUnreadRecommendations(
  { db }: DbContext,
  params: { after: string; limit: number; all: boolean; version: string },
): Promise<UnreadRecommendation[]> {
  return db.read<UnreadRecommendation>(cypher('jurisprudence/citations-find-unread'), params);
}

export async function countUnreadRecommendations(
  { db }: DbContext,
  params: { all: boolean; version: string },
): Promise<number> {
  const [row] = await db.read<{ count: number }>(
    cypher('jurisprudence/citations-count-unread'),
    params,
  );
  return row?.count ?? 0;
}

export async function findCitationsByRecommendations(
  { db }: DbContext,
  ids: readonly string[],
): Promise<StoredCitation[][]> {
  const rows = await db.read<{ key: string; items: StoredCitation[] }>(
    cypher('jurisprudence/citations-find-by-recommendations'),
    { ids },
  );
  return groupedByKeys(ids, rows);
}

export async function countCitations({ db }: DbContext): Promise<CitationCount[]> {
  return db.read<CitationCount>(cypher('jurisprudence/citations-count'));
}
