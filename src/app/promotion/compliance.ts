import { compareStrings } from '../../core/model/order';
/** What a cluster reports about one commit. */
export enum ClusterState {
  /** Applied it, and healthy. */
  COMPLIANT = 'compliant',
  /** Not yet (still reconciling, an older revision, nothing reported). */
  PENDING = 'pending',
  /** Tried and failed to apply it. */
  FAILED = 'failed',
}

/** One observation of one cluster (several per cluster when it has several Flux Kustomizations for the branch). */
export interface ClusterObservation {
  /** The cluster: a kubeconfig context, or the cluster id of a Flux commit status. */
  readonly cluster: string;
  readonly state: ClusterState;
  /** Why, in a few words: `ReconciliationSucceeded`, `still at dev@sha1:1234…`, `HealthCheckFailed: timeout…`. */
  readonly reason: string;
  /** The object observed, e.g. `flux-system/dev` (a Kustomization) or `kustomization/dev` (a commit status). */
  readonly object?: string;
  /** The cluster type whose folder the object applies (a Kustomization's `spec.path`), when known. */
  readonly clusterType?: string;
}

/** A cluster's state over all its observations. */
export interface ClusterVerdict {
  readonly cluster: string;
  readonly state: ClusterState;
  /** The reasons of the observations that decided the state, as `object: reason`. */
  readonly reasons: readonly string[];
}

/** The state of an environment's deployment of one commit. */
export interface ComplianceVerdict {
  /** Failed as soon as one cluster failed; compliant once every cluster is. */
  readonly state: ClusterState;
  /** Clusters compliant. */
  readonly compliant: number;
  /** Clusters observed. */
  readonly total: number;
  /** Every cluster, by name. */
  readonly clusters: readonly ClusterVerdict[];
}

/**
 * Decides an environment's compliance from the clusters' observations (pure): a cluster is failed when any of its
 * observations is, compliant when all are, pending otherwise; the environment fails with its first failed cluster,
 * and is compliant when every cluster is (and there is at least one).
 */
export function decideCompliance(observations: readonly ClusterObservation[]): ComplianceVerdict {
  const byCluster = new Map<string, ClusterObservation[]>();
  for (const observation of observations) {
    const list = byCluster.get(observation.cluster) ?? [];
    list.push(observation);
    byCluster.set(observation.cluster, list);
  }
  const clusters = [...byCluster.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([cluster, list]): ClusterVerdict => {
      const state = list.some((o) => o.state === ClusterState.FAILED)
        ? ClusterState.FAILED
        : list.every((o) => o.state === ClusterState.COMPLIANT)
          ? ClusterState.COMPLIANT
          : ClusterState.PENDING;
      const deciding = state === ClusterState.COMPLIANT ? list : list.filter((o) => o.state === state);
      return { cluster, state, reasons: deciding.map((o) => (o.object ? `${o.object}: ${o.reason}` : o.reason)) };
    });
  const compliant = clusters.filter((c) => c.state === ClusterState.COMPLIANT).length;
  const state = clusters.some((c) => c.state === ClusterState.FAILED)
    ? ClusterState.FAILED
    : clusters.length > 0 && compliant === clusters.length
      ? ClusterState.COMPLIANT
      : ClusterState.PENDING;
  return { state, compliant, total: clusters.length, clusters };
}

/**
 * One line of progress: `1 of 2 clusters compliant; waiting for drone-1 (flux-system/dev: Progressing)`, or which
 * cluster failed and why.
 */
export function describeCompliance(verdict: ComplianceVerdict): string {
  const count = `${verdict.compliant} of ${verdict.total} cluster${verdict.total === 1 ? '' : 's'} compliant`;
  const list = (state: ClusterState) =>
    verdict.clusters
      .filter((c) => c.state === state)
      .map((c) => `${c.cluster} (${c.reasons.join('; ')})`)
      .join(', ');
  switch (verdict.state) {
    case ClusterState.COMPLIANT:
      return count;
    case ClusterState.FAILED:
      return `${count}; failed: ${list(ClusterState.FAILED)}`;
    default:
      return verdict.total === 0 ? 'no cluster observed yet' : `${count}; waiting for ${list(ClusterState.PENDING)}`;
  }
}
