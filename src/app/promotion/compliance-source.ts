import { ClusterObservation } from './compliance';

/** Where the clusters' reports on a commit come from (a Kubernetes API, commit statuses…). */
export interface ComplianceSource {
  /** For messages: `kubeconfig contexts drone-1, large-1`. */
  readonly description: string;
  /** The clusters' current observations; a source that cannot reach a cluster reports it pending, with why. */
  observe(): Promise<ClusterObservation[]>;
}
