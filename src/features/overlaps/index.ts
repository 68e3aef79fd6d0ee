export { DETECTOR_VERSION, detectState, type DetectDoc } from './detect.ts';
export {
  clustersOf,
  detectOverlaps,
  exportCsvRows,
  overlapCounts,
  similarRecommendations,
  type DetectSummary,
} from './overlap.service.ts';
export { LINK_THRESHOLD } from './score.ts';
export { OverlapClusterRef } from './overlap.schema.ts';
export { stateRecommendations, type ClusterView } from './overlap.repository.ts';
