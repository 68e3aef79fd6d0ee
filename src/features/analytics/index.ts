export {
  computeClusterSignals,
  refreshAllClusterSignals,
  refreshMissingClusterSignals,
  refreshOverdueSignals,
  storedClusterSignals,
  type ClusterSignals,
} from '../shared/cluster-signals.ts';
import './analytics.schema.ts';
