export { DETECTOR_VERSION, detectState, type DetectDoc } from './detect.ts';
export {
  clustersOf,
  detectOverlaps,
  exportCsvRows,
  overlapCounts,
  type DetectSummary,
} from './overlap.service.ts';
import './overlap.schema.ts';
