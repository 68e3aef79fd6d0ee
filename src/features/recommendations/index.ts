export {
  RecommendationFilterInput,
  RecommendationRef,
  YearRangeInput,
} from './recommendation.schema.ts';
export type { Recommendation } from './recommendation.repository.ts';
export { RESPONSES, type UprResponse } from './vocabulary.ts';
