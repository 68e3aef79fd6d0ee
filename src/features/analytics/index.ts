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
  setStatsMaxStaleness,
  staleStats,
  startStatsRefresh,
} from '../shared/aggregate-cache.ts';
import './analytics.schema.ts';
