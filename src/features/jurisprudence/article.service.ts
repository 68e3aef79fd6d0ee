import type { Context } from '../../graphql/context.ts';
import { groupedByKeys } from '../../core/by-keys.ts';
import type { TreatyArticle } from './article-codes.ts';
import * as repository from './article.repository.ts';

export function findArticlesByCodes(
  ctx: Context,
  codes: readonly string[],
): Promise<TreatyArticle[]> {
  return repository.findArticlesByCodes(ctx, codes);
}

/** The decisions applying each article, newest first, in key order. */
export async function findDecisionsByArticles(ctx: Context, codes: readonly string[]) {
  return groupedByKeys(codes, await repository.findDecisionsByArticles(ctx, codes));
}
