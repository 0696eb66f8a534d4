import { WaveCompliance } from '../../core/rollout/gate';
import { ClusterObservation, ClusterState, decideCompliance, describeCompliance } from '../promotion/compliance';

/**
 * How the clusters of a wave stand (pure): the observations of the wave's cluster types only — a Kustomization's
 * folder says its cluster type, or `clusterTypeOf` (a commit status's cluster id, `--expect-cluster ID=TYPE`). Clusters
 * of other waves, and those whose cluster type is not known, do not count.
 */
export function waveCompliance(
  observations: readonly ClusterObservation[],
  clusterTypes: readonly string[],
  clusterTypeOf: (cluster: string) => string | undefined = () => undefined,
): WaveCompliance & { readonly clusters: readonly string[] } {
  const wave = new Set(clusterTypes);
  const own = observations.filter((observation) => {
    const clusterType = observation.clusterType ?? clusterTypeOf(observation.cluster);
    return clusterType !== undefined && wave.has(clusterType);
  });
  const verdict = decideCompliance(own);
  return {
    compliant: verdict.compliant,
    failed: verdict.clusters.filter((cluster) => cluster.state === ClusterState.FAILED).length,
    total: verdict.total,
    summary: describeCompliance(verdict),
    clusters: verdict.clusters.map((cluster) => cluster.cluster),
  };
}
