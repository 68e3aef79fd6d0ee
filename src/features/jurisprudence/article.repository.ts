import type { DbContext } from '../../graphql/context.ts';
import { cypher } from '../../db/cypher.ts';
import type { TreatyArticle } from './article-codes.ts';
import type { Decision } from './decision.repository.ts';

export async function findArticlesByCodes(
  { db }: DbContext,
  codes: readonly string[],
): Promise<TreatyArticle[]> {
  return (
    await db.read<{ article: TreatyArticle }>(cypher('jurisprudence/articles-find-by-codes'), {
      codes,
    })
  ).map((r) => r.article);
}

/** The decisions applying each article, rows shaped { key: code, items }. */
export function findDecisionsByArticles(
  { db }: DbContext,
  codes: readonly string[],
): Promise<{ key: string; items: Decision[] }[]> {
  return db.read(cypher('jurisprudence/articles-find-decisions'), { codes });
}
