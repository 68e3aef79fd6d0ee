/**
 * Where the Cypher of general comments and recommendations runs (cypher/queries/jurisprudence/
 * general-comments-*.cypher). See docs/jurisprudence.md.
 */
import neo4j from 'neo4j-driver';
import { cypher } from '../../db/cypher.ts';
import type { Tx } from '../../db/run.ts';
import type { DbContext } from '../../graphql/context.ts';
import type { PageRequest } from '../../core/pagination.ts';
import { groupedByKeys } from '../../core/by-keys.ts';

/** A general comment or recommendation as stored. */
export interface GeneralComment {
  /** The canonical reference: CEDAW/GR/35, CCPR/GC/36; a joint one's first alphabetically. */
  readonly id: string;
  /** Every reference of it, the id included (a joint comment has one per body). */
  readonly aliases: readonly string[];
  readonly symbol: string | null;
  /** The body of the canonical reference; `bodies` lists all of a joint comment's. */
  readonly body: string;
  readonly bodies: readonly string[];
  readonly number: number;
  readonly title: string;
  readonly shortName: string | null;
  readonly year: number | null;
  readonly adoptionDate: string | null;
  readonly language: string;
  readonly dataset: string;
  readonly sourceFile: string | null;
  readonly url: string | null;
  readonly paragraphCount: number;
  readonly importWarnings: readonly string[] | null;
  /** `{body}/{number, 4 digits}`: the order of lists and the key of cursors. */
  readonly sortKey: string;
}

export interface GeneralCommentParagraph {
  /** `{reference}#{number}`, e.g. CEDAW/GR/35#24. */
  readonly id: string;
  readonly generalComment: string;
  readonly number: number;
  readonly text: string;
  readonly concernedGroups: readonly string[] | null;
  /** Its place among the comment's rows in the source (0-based). */
  readonly position: number;
}

export interface GeneralCommentQuery {
  readonly bodies?: readonly string[] | undefined;
  readonly yearFrom?: number | undefined;
  readonly yearTo?: number | undefined;
  /** Lower-case words to find in the title or a paragraph. */
  readonly text?: string | undefined;
}

/** What is stored of a comment before an import writes it. */
export interface StoredHashes {
  readonly id: string;
  readonly hash: string | null;
  readonly paragraphs: { id: string; hash: string | null }[];
}

export interface CommentWrite {
  readonly id: string;
  readonly bodies: readonly string[];
  readonly articles: readonly string[];
  readonly articleSource: string;
  readonly props: Record<string, unknown>;
}

export interface ParagraphWrite {
  readonly id: string;
  readonly generalComment: string;
  readonly props: Record<string, unknown>;
}

/** Integers go to Neo4j as integers (a JavaScript number would be stored as a float). */
const int = (value: number | null | undefined) => (value == null ? null : neo4j.int(value));

const filterParams = (query: GeneralCommentQuery) => ({
  bodies: query.bodies?.length ? [...query.bodies] : null,
  yearFrom: int(query.yearFrom),
  yearTo: int(query.yearTo),
  text: query.text ?? null,
});

export async function findStoredHashes(tx: Tx, ids: readonly string[]): Promise<StoredHashes[]> {
  return tx.run<StoredHashes & Record<string, unknown>>(
    cypher('jurisprudence/general-comments-find-existing'),
    { ids },
  );
}

export async function writeComments(tx: Tx, comments: readonly CommentWrite[]): Promise<void> {
  await tx.run(cypher('jurisprudence/general-comments-write-comments'), {
    comments: comments.map((c) => ({
      ...c,
      // Codes here are `{BODY}-{article}[-{paragraph}]` (general-comment-rows.ts articlesInTitle).
      articles: c.articles.map((code) => {
        const [instrument, article, paragraph] = code.split('-');
        return { code, instrument, article, paragraph: paragraph ?? null };
      }),
      props: {
        ...c.props,
        number: int(c.props['number'] as number),
        year: int(c.props['year'] as number | null),
        paragraphCount: int(c.props['paragraphCount'] as number),
      },
    })),
  });
}

export async function writeParagraphs(
  tx: Tx,
  paragraphs: readonly ParagraphWrite[],
): Promise<void> {
  await tx.run(cypher('jurisprudence/general-comments-write-paragraphs'), {
    paragraphs: paragraphs.map((p) => ({
      ...p,
      props: {
        ...p.props,
        number: int(p.props['number'] as number),
        position: int(p.props['position'] as number),
      },
    })),
  });
}

/** Removes the paragraphs of `comments` that are not in their `keep` lists; how many went. */
export async function removeOtherParagraphs(
  tx: Tx,
  comments: readonly { id: string; keep: readonly string[] }[],
): Promise<number> {
  const rows = await tx.run<{ removed: number }>(
    cypher('jurisprudence/general-comments-remove-paragraphs'),
    { comments },
  );
  return rows[0]?.removed ?? 0;
}

export async function findGeneralCommentsPage(
  { db }: DbContext,
  query: GeneralCommentQuery,
  page: PageRequest,
): Promise<GeneralComment[]> {
  const rows = await db.read<{ comment: GeneralComment }>(
    cypher('jurisprudence/general-comments-find-page'),
    {
      ...filterParams(query),
      afterKey: page.afterKey ?? null,
      beforeKey: page.beforeKey ?? null,
      backward: page.direction === 'backward',
      limit: neo4j.int(page.size + 1),
    },
  );
  return rows.map((r) => r.comment);
}

export async function countGeneralComments(
  { db }: DbContext,
  query: GeneralCommentQuery,
): Promise<number> {
  const rows = await db.read<{ count: number }>(
    cypher('jurisprudence/general-comments-count'),
    filterParams(query),
  );
  return rows[0]?.count ?? 0;
}

export async function findGeneralCommentsByIds(
  { db }: DbContext,
  ids: readonly string[],
): Promise<GeneralComment[]> {
  const rows = await db.read<{ comment: GeneralComment }>(
    cypher('jurisprudence/general-comments-find-by-ids'),
    { ids },
  );
  return rows.map((r) => r.comment);
}

export async function findGeneralCommentByReference(
  { db }: DbContext,
  reference: string,
): Promise<GeneralComment | null> {
  const rows = await db.read<{ comment: GeneralComment }>(
    cypher('jurisprudence/general-comments-find-by-reference'),
    { reference },
  );
  return rows[0]?.comment ?? null;
}

/** The paragraphs of each comment, in key order (an empty list for a comment without any). */
export async function findParagraphsByComments(
  { db }: DbContext,
  ids: readonly string[],
): Promise<GeneralCommentParagraph[][]> {
  const rows = await db.read<{ key: string; items: GeneralCommentParagraph[] }>(
    cypher('jurisprudence/general-comments-find-paragraphs'),
    { ids },
  );
  return groupedByKeys(ids, rows);
}

/** The codes of the treaty articles each comment interprets, in key order. */
export async function findArticlesByComments(
  { db }: DbContext,
  ids: readonly string[],
): Promise<string[][]> {
  const rows = await db.read<{ key: string; items: string[] }>(
    cypher('jurisprudence/general-comments-find-articles'),
    { ids },
  );
  return groupedByKeys(ids, rows);
}

/** For each article code, the comments interpreting it or the article it is part of, in key order. */
export async function findGeneralCommentsByArticles(
  { db }: DbContext,
  codes: readonly string[],
): Promise<GeneralComment[][]> {
  const rows = await db.read<{ key: string; items: GeneralComment[] }>(
    cypher('jurisprudence/general-comments-find-by-articles'),
    { codes },
  );
  return groupedByKeys(codes, rows);
}
