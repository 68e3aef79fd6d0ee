// Citation extraction (issue 27, item 2): pure functions over a recommendation's text.
export {
  extractCitations,
  foldKeepingOffsets,
  type Citation,
  type CitationContext,
  type CitationKind,
  type CitationLanguage,
} from './extract-citations.ts';
