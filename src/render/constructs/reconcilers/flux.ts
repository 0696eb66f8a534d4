import { Construct } from 'constructs';
import { Kustomization, KustomizationSpecSourceRefKind } from '../../../../imports/kustomize.toolkit.fluxcd.io';
import { GitRepository } from '../../../../imports/source.toolkit.fluxcd.io';
import { AssignmentContext } from '../assignment-context';
import { IReconciler } from '../renderer';
import { requiredManifests } from './manifests';

/** Namespace of the Flux objects. */
export const FLUX_NAMESPACE = 'flux-system';

/** Props of a `FluxReconciler`. */
export interface FluxReconcilerProps {
  /** Name of the GitRepository and the Kustomization. */
  readonly name: string;
  /** The repository holding the workload's manifests (`http(s)://` or `ssh://`). */
  readonly url: string;
  /** Branch of the repository. */
  readonly branch: string;
  /** Folder inside the repository. */
  readonly path: string;
  /** Namespace the manifests are applied to. */
  readonly targetNamespace: string;
  /**
   * Secret holding the credentials of the repository.
   * @default "repo-secret", as in Kalypso's sample template
   */
  readonly secretName?: string;
  /**
   * How often Flux checks the repository and re-applies.
   * @default "30s"
   */
  readonly interval?: string;
}

/**
 * A Flux GitRepository and a Kustomization that applies `path` from it to the target namespace: the objects of
 * Kalypso's sample `arc-flux` template (docs/explanation/compatibility.md), at Flux's served API version v1.
 */
export class FluxReconciler extends Construct {
  /** The Flux GitRepository. */
  public readonly gitRepository: GitRepository;
  /** The Flux Kustomization. */
  public readonly kustomization: Kustomization;

  public constructor(scope: Construct, id: string, props: FluxReconcilerProps) {
    super(scope, id);
    const interval = props.interval ?? '30s';
    this.gitRepository = new GitRepository(this, 'GitRepository', {
      metadata: { name: props.name, namespace: FLUX_NAMESPACE },
      spec: {
        interval,
        url: props.url,
        ref: { branch: props.branch },
        secretRef: { name: props.secretName ?? 'repo-secret' },
      },
    });
    this.kustomization = new Kustomization(this, 'Kustomization', {
      metadata: { name: props.name, namespace: FLUX_NAMESPACE },
      spec: {
        interval,
        targetNamespace: props.targetNamespace,
        sourceRef: { kind: KustomizationSpecSourceRefKind.GIT_REPOSITORY, name: props.name },
        path: props.path,
        prune: true,
      },
    });
    this.node.addValidation({
      validate: () =>
        /^(http|https|ssh):\/\//.test(props.url)
          ? []
          : [`manifests.repo ${JSON.stringify(props.url)} is not a URL Flux accepts (http://, https:// or ssh://)`],
    });
  }
}

/** The built-in `flux` reconciler, also registered as `arc-flux`, the name Kalypso's samples use. */
export class FluxReconcilerRenderer implements IReconciler {
  /** A `FluxReconciler` applying the target's `manifests` (`repo`, `branch`, `path`) to the target namespace. */
  public render(scope: Construct, context: AssignmentContext): void {
    const manifests = requiredManifests(scope, context.deploymentTarget);
    if (!manifests) return;
    const { name } = context.deploymentTarget;
    new FluxReconciler(scope, 'Flux', {
      name,
      url: manifests.repo,
      branch: manifests.branch,
      path: manifests.path,
      targetNamespace: context.namespace,
    });
  }
}
