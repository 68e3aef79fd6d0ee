export {
  computeClusterSignals,
  refreshAllClusterSignals,
  refreshMissingClusterSignals,
  storedClusterSignals,
  type ClusterSignals,
} from '../shared/cluster-signals.ts';
import './analytics.schema.ts';
