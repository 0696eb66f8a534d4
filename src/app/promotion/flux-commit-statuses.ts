import { ClusterObservation, ClusterState } from './compliance';

/** A commit status as read from the platform GitOps repository. */
export interface ObservedCommitStatus {
  readonly context: string;
  readonly state: 'error' | 'failure' | 'pending' | 'success';
  readonly description?: string;
}

/**
 * Flux's notification-controller (`github` provider) names a status `<kind>/<name>/<cluster id>`, lower case, where
 * the cluster id is the first part of the Provider's UID (or what the Provider's `commitStatusExpr` makes of it).
 */
const FLUX_CONTEXT = /^(kustomization)\/([^/]+)\/(.+)$/i;

/**
 * What the clusters say about a commit through the statuses Flux posted on it (pure): for each expected cluster, the
 * Kustomization statuses whose cluster id (or whole context) it names — `success` is compliant, `failure` and
 * `error` failed (description as reason), none yet pending. A failure from a cluster that was not expected still
 * fails; its successes are not counted.
 */
export function observeCommitStatuses(
  statuses: readonly ObservedCommitStatus[],
  expected: readonly string[],
): ClusterObservation[] {
  const flux = statuses.flatMap((status) => {
    const match = FLUX_CONTEXT.exec(status.context);
    return match ? [{ ...status, object: `${match[1].toLowerCase()}/${match[2]}`, id: match[3].toLowerCase() }] : [];
  });
  const observations: ClusterObservation[] = [];
  const claimed = new Set<string>();
  for (const cluster of expected) {
    const wanted = cluster.toLowerCase();
    const own = flux.filter((status) => status.id === wanted || status.context.toLowerCase() === wanted);
    own.forEach((status) => claimed.add(status.context));
    if (own.length === 0) {
      observations.push({ cluster, state: ClusterState.PENDING, reason: 'no commit status from Flux yet' });
      continue;
    }
    for (const status of own) observations.push({ cluster, object: status.object, ...judge(status) });
  }
  for (const status of flux) {
    if (claimed.has(status.context) || (status.state !== 'failure' && status.state !== 'error')) continue;
    observations.push({ cluster: status.id, object: status.object, ...judge(status) });
  }
  return observations;
}

function judge(status: ObservedCommitStatus): { state: ClusterState; reason: string } {
  const reason = status.description || status.state;
  switch (status.state) {
    case 'success':
      return { state: ClusterState.COMPLIANT, reason };
    case 'pending':
      return { state: ClusterState.PENDING, reason };
    default:
      return { state: ClusterState.FAILED, reason };
  }
}
