export { DETECTOR_VERSION, detectState, featuresOfPairs, type DetectDoc } from './detect.ts';
export {
  FEATURES,
  featureVector,
  fitLogistic,
  MODEL_FILE,
  type OverlapModel,
  type PairFeatures,
  type Variant,
} from './hybrid.ts';
export { detectOverlaps, type DetectSummary } from './overlap-detection.service.ts';
export { exportCsvRows } from './overlap.service.ts';
export { similarRecommendations } from './similar-recommendations.service.ts';
export { LINK_THRESHOLD } from './score.ts';
export { OverlapClusterRef } from './overlap.schema.ts';
export { stateRecommendations, type ClusterView } from './overlap.repository.ts';
