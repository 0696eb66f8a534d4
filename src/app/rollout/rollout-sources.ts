import * as path from 'path';
import { repositoryName } from '../../io/hosts/host-selection';
import { KubernetesClusters } from '../../io/kubernetes/flux-objects';
import { UsageError } from '../errors';
import { ClusterObservation } from '../promotion/compliance';
import { HostStatusComplianceSource } from '../promotion/host-status-source';
import { KubernetesComplianceSource } from '../promotion/kubernetes-source';
import { RolloutSession } from './rollout-session';

/** Where `rollout advance` looks at the clusters. */
export interface RolloutSourceOptions {
  /** What a relative kubeconfig is resolved against. */
  readonly cwd: string;
  readonly kubeconfig?: string;
  readonly contexts?: readonly string[];
  readonly namespace?: string;
  /** `ID=CLUSTER_TYPE`: a cluster whose Flux posts commit statuses, and its cluster type. */
  readonly expectClusters?: readonly string[];
}

/** How the clusters of a rollout are observed: their observations of a commit, and the cluster types of status ids. */
export interface RolloutObservers {
  readonly observe: (commit: string) => Promise<ClusterObservation[]>;
  readonly clusterTypeOf: (cluster: string) => string | undefined;
}

/**
 * The clusters' observations of the branch's commits, through the Kubernetes API (a Kustomization's path says its
 * cluster type) and Flux's commit statuses on the repository's Git host (`ID=CLUSTER_TYPE` says it). At least one
 * source is needed.
 */
export function rolloutObservers(session: RolloutSession, options: RolloutSourceOptions): RolloutObservers {
  const contexts = options.contexts ?? [];
  const expected = options.expectClusters ?? [];
  if (contexts.length > 0 && options.kubeconfig === undefined) throw new UsageError('--context needs --kubeconfig');
  if (options.kubeconfig === undefined && expected.length === 0) {
    throw new UsageError(
      "advance needs a compliance source: give --kubeconfig (and --context) to ask the clusters, or --expect-cluster ID=CLUSTER_TYPE to read Flux's commit statuses",
    );
  }
  const types = new Map<string, string>();
  for (const spec of expected) {
    const match = /^([^=]+)=([^=]+)$/.exec(spec);
    if (!match)
      throw new UsageError(`--expect-cluster takes ID=CLUSTER_TYPE for a rollout, got ${JSON.stringify(spec)}`);
    types.set(match[1].toLowerCase(), match[2]);
  }
  const { repo, branch } = session.destination;
  const kubeconfig = options.kubeconfig;
  const observe = async (commit: string): Promise<ClusterObservation[]> => {
    const observations: ClusterObservation[] = [];
    if (kubeconfig !== undefined) {
      const clusters = await KubernetesClusters.open(path.resolve(options.cwd, kubeconfig), contexts);
      const source = new KubernetesComplianceSource({
        clusters,
        target: { repo, branch, commit },
        namespace: options.namespace,
      });
      observations.push(...(await source.observe()));
    }
    if (types.size > 0) {
      const located = session.hosts.locate(repo);
      if ('problem' in located)
        throw new UsageError(`--expect-cluster reads commit statuses on the Git host of ${repo}: ${located.problem}`);
      const host = await session.hosts.open(located.repository);
      const source = new HostStatusComplianceSource({
        host,
        repository: repositoryName(located.repository),
        commit,
        expected: [...types.keys()],
      });
      observations.push(...(await source.observe()));
    }
    return observations;
  };
  return { observe, clusterTypeOf: (cluster) => types.get(cluster.toLowerCase()) };
}
