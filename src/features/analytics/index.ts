export {
  computeClusterSignals,
  refreshAllClusterSignals,
  refreshMissingClusterSignals,
  refreshOverdueSignals,
  storedClusterSignals,
  type ClusterSignals,
} from '../shared/cluster-signals.ts';
export {
  refreshStaleStats,
  requestVersions,
  setStatsMaxStaleness,
  staleStats,
  startStatsRefresh,
} from '../shared/aggregate-cache.ts';
export { DATA_PARTS, type DataVersions } from '../shared/data-versions.ts';
import './analytics.schema.ts';
