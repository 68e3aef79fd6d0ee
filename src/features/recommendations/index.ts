export {
  DocumentRef,
  RecommendationFilterInput,
  RecommendationRef,
  SourceRecordRef,
  YearRangeInput,
} from './recommendation.schema.ts';
export type { Recommendation } from './recommendation.repository.ts';
export { RESPONSES, type UprResponse } from './vocabulary.ts';
export { coverageBuckets, coverageMatrix, recommendationStats } from './recommendation.service.ts';
export { STATS_DIMENSIONS, type StatsDimension } from './recommendation.repository.ts';
export { languageMigration } from './language.migration.ts';
