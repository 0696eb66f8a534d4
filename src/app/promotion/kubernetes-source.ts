import { KubernetesClusters } from '../../io/kubernetes/flux-objects';
import { ClusterObservation, ClusterState } from './compliance';
import { ComplianceSource } from './compliance-source';
import { PlatformCommit, FluxGitRepository, FluxKustomization, observeFluxObjects } from './flux-kustomizations';

export interface KubernetesSourceProps {
  /** The clusters: one kubeconfig context each. */
  readonly clusters: KubernetesClusters;
  /** The commit to find applied. */
  readonly target: PlatformCommit;
  /**
   * Only Flux objects of this namespace.
   * @default - every namespace
   */
  readonly namespace?: string;
}

/**
 * Asks each cluster's Kubernetes API for its Flux Kustomizations and GitRepositories and judges them
 * (`observeFluxObjects`). A cluster whose API cannot be read is pending, with the error as reason, so that a
 * cluster briefly out of reach does not end the wait.
 */
export class KubernetesComplianceSource implements ComplianceSource {
  public readonly description: string;

  public constructor(private readonly props: KubernetesSourceProps) {
    this.description = `kubeconfig context${props.clusters.contexts.length === 1 ? '' : 's'} ${props.clusters.contexts.join(', ')}`;
  }

  public async observe(): Promise<ClusterObservation[]> {
    const { clusters, target, namespace } = this.props;
    const observed = await Promise.all(
      clusters.contexts.map(async (context): Promise<ClusterObservation[]> => {
        try {
          const objects = await clusters.fluxObjects(context, namespace);
          return observeFluxObjects(
            context,
            objects.kustomizations as FluxKustomization[],
            objects.gitRepositories as FluxGitRepository[],
            target,
          );
        } catch (e) {
          return [{ cluster: context, state: ClusterState.PENDING, reason: (e as Error).message }];
        }
      }),
    );
    return observed.flat();
  }
}
