/**
 * The write side of analytics: the data versions that every change bumps, the aggregates cached
 * under them, and the signals of non-implementation stored on each overlap cluster, which the
 * features that change data keep current (docs/analytics.md).
 */
export {
  anyClustered,
  clusterStates,
  computeClusterSignals,
  lockStates,
  refreshAllClusterSignals,
  refreshClusterSignals,
  refreshMissingClusterSignals,
  refreshOverdueSignals,
  storedClusterSignals,
  type ClusterSignals,
} from './cluster-signals.ts';
export {
  cachedAggregate,
  refreshStaleStats,
  requestVersions,
  setStatsMaxStaleness,
  staleStats,
  startStatsRefresh,
  type Aggregate,
} from './aggregate-cache.ts';
export { bumpDataVersion, DATA_PARTS, type DataPart, type DataVersions } from './data-versions.ts';
