/**
 * Reading general comments and recommendations: the filtered list, one by reference or alias,
 * and the batched loads behind their fields. See docs/jurisprudence.md.
 */
import type { DbContext } from '../../graphql/context.ts';
import { InvalidInputError } from '../../core/errors.ts';
import { storedId } from '../../core/global-id.ts';
import {
  pageRequest,
  toConnection,
  type Connection,
  type PageArgs,
} from '../../core/pagination.ts';
import { bodyCode, GENERAL_COMMENT_BODIES } from './general-comment-rows.ts';
import * as repository from './general-comment.repository.ts';
import type {
  GeneralComment,
  GeneralCommentParagraph,
  GeneralCommentQuery,
} from './general-comment.repository.ts';

export interface GeneralCommentFilter {
  /** Body codes (CEDAW, CCPR, ...); a joint comment matches each of its bodies. */
  readonly bodies?: readonly string[] | null;
  readonly years?: { readonly from?: number | null; readonly to?: number | null } | null;
  /** Words to find, case-insensitively, in the title or any paragraph. */
  readonly text?: string | null;
}

/** The filter as the repository takes it. @throws InvalidInputError for an unknown body */
export function toGeneralCommentQuery(
  filter: GeneralCommentFilter | null | undefined,
): GeneralCommentQuery {
  const bodies = filter?.bodies?.map((written) => {
    const code = bodyCode(written);
    if (!code) {
      throw new InvalidInputError(
        `unknown body ${JSON.stringify(written)} (known: ${GENERAL_COMMENT_BODIES.join(', ')})`,
        'bodies',
      );
    }
    return code;
  });
  const text = filter?.text?.trim().toLowerCase();
  return {
    bodies,
    yearFrom: filter?.years?.from ?? undefined,
    yearTo: filter?.years?.to ?? undefined,
    text: text ? text : undefined,
  };
}

/** One page of comments matching `filter`, by body then number; totalCount counted on demand. */
export async function listGeneralComments(
  ctx: DbContext,
  { filter, ...page }: { filter?: GeneralCommentFilter | null } & PageArgs,
): Promise<Connection<GeneralComment>> {
  const query = toGeneralCommentQuery(filter);
  const request = pageRequest(page);
  const rows =
    request.size === 0 ? [] : await repository.findGeneralCommentsPage(ctx, query, request);
  let count: Promise<number> | undefined;
  return toConnection(
    rows,
    request,
    (c) => c.sortKey,
    () => (count ??= repository.countGeneralComments(ctx, query)),
  );
}

/**
 * A comment by canonical reference ("CEDAW/GR/35"), by alias (a joint comment's other body:
 * "CRC/GC/18") or by global ID; null when there is none.
 */
export function findGeneralComment(ctx: DbContext, id: string): Promise<GeneralComment | null> {
  return repository.findGeneralCommentByReference(ctx, storedId(id.trim(), 'GeneralComment'));
}

export const findGeneralCommentsByIds = (ctx: DbContext, ids: readonly string[]) =>
  repository.findGeneralCommentsByIds(ctx, ids);

/** The paragraphs of each comment, in key order. */
export const paragraphsOfGeneralComments = (
  ctx: DbContext,
  ids: readonly string[],
): Promise<GeneralCommentParagraph[][]> => repository.findParagraphsByComments(ctx, ids);

/** The codes of the treaty articles each comment interprets, in key order. */
export const articlesOfGeneralComments = (ctx: DbContext, ids: readonly string[]) =>
  repository.findArticlesByComments(ctx, ids);

/** For each treaty-article code, the comments that interpret it or the whole article, in key order. */
export const generalCommentsOnArticles = (ctx: DbContext, codes: readonly string[]) =>
  repository.findGeneralCommentsByArticles(ctx, codes);
