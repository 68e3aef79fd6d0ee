// Citations and related jurisprudence in the API (importing the module registers its types).
import './citation.schema.ts';
export { DecisionRef } from './decision.schema.ts';
export { TreatyArticleRef } from './article.schema.ts';
export type { Decision } from './decision.repository.ts';
export type { TreatyArticle } from './article-codes.ts';
export { parseArticleCode } from './article-codes.ts';
export type {
  DecisionImportOptions,
  DecisionImportResult,
  DecisionProblem,
} from './decision-import.ts';
export { importOhchrJuris } from './importers/ohchr-juris.ts';
export { importHudoc } from './importers/hudoc.ts';
// General comments and recommendations (exporting the schema module registers its GraphQL types).
export { GeneralCommentRef, GeneralCommentParagraphRef } from './general-comment.schema.ts';
export {
  importGeneralComments,
  GENERAL_COMMENTS_DATASET,
  type GeneralCommentImportOptions,
  type GeneralCommentImportResult,
  type GeneralCommentProblem,
} from './general-comment-import.service.ts';
export { findGeneralComment } from './general-comment.service.ts';
export type { GeneralComment, GeneralCommentParagraph } from './general-comment.repository.ts';
// Citations read from recommendation texts (no graph access).
export { extractCitations, type Citation, type CitationKind } from './citations/index.ts';
// Citations stored in the graph: read at import and by `recgraph jurisprudence link`.
export {
  CITATION_READER_VERSION,
  linkCitations,
  readCitations,
  resolvePendingCitations,
  type LinkProgress,
  type LinkSummary,
} from './citation-reading.service.ts';
export { themeArticlesMigration, readThemeArticles } from './theme-articles.ts';
