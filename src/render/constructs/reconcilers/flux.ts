import { Construct } from 'constructs';
import {
  Kustomization,
  KustomizationProps,
  KustomizationSpecSourceRefKind,
} from '../../../../imports/kustomize.toolkit.fluxcd.io';
import { GitRepository, GitRepositoryProps } from '../../../../imports/source.toolkit.fluxcd.io';
import type { Manifest } from '../../serialize/serialize';
import { AssignmentContext } from '../assignment-context';
import { PlainRenderer, generatedObjectJson } from '../plain-manifest';
import { IReconciler } from '../renderer';
import { manifestFields, requiredManifests } from './manifests';

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
    const objects = fluxObjects(props);
    this.gitRepository = new GitRepository(this, 'GitRepository', objects.gitRepository);
    this.kustomization = new Kustomization(this, 'Kustomization', objects.kustomization);
    this.node.addValidation({
      validate: () =>
        isFluxUrl(props.url)
          ? []
          : [`manifests.repo ${JSON.stringify(props.url)} is not a URL Flux accepts (http://, https:// or ssh://)`],
    });
  }
}

/** Whether Flux's GitRepository accepts `url`. */
function isFluxUrl(url: string): boolean {
  return /^(http|https|ssh):\/\//.test(url);
}

/** The props of a FluxReconciler's two objects. */
function fluxObjects(props: FluxReconcilerProps): {
  gitRepository: GitRepositoryProps;
  kustomization: KustomizationProps;
} {
  const interval = props.interval ?? '30s';
  return {
    gitRepository: {
      metadata: { name: props.name, namespace: FLUX_NAMESPACE },
      spec: {
        interval,
        url: props.url,
        ref: { branch: props.branch },
        secretRef: { name: props.secretName ?? 'repo-secret' },
      },
    },
    kustomization: {
      metadata: { name: props.name, namespace: FLUX_NAMESPACE },
      spec: {
        interval,
        targetNamespace: props.targetNamespace,
        sourceRef: { kind: KustomizationSpecSourceRefKind.GIT_REPOSITORY, name: props.name },
        path: props.path,
        prune: true,
      },
    },
  };
}

/** The props of the FluxReconciler of an assignment, or undefined when its target lacks a manifests field. */
function fluxReconcilerProps(context: AssignmentContext): FluxReconcilerProps | undefined {
  const manifests = manifestFields(context.deploymentTarget);
  if (!manifests) return undefined;
  return {
    name: context.deploymentTarget.name,
    url: manifests.repo,
    branch: manifests.branch,
    path: manifests.path,
    targetNamespace: context.namespace,
  };
}

/** The built-in `flux` reconciler, also registered as `arc-flux`, the name Kalypso's samples use. */
export class FluxReconcilerRenderer implements IReconciler, PlainRenderer {
  /** A `FluxReconciler` applying the target's `manifests` (`repo`, `branch`, `path`) to the target namespace. */
  public render(scope: Construct, context: AssignmentContext): void {
    if (!requiredManifests(scope, context.deploymentTarget)) return;
    new FluxReconciler(scope, 'Flux', fluxReconcilerProps(context)!);
  }

  /** The JSON of the FluxReconciler's objects; undefined when `render` would report a problem. */
  public plainManifests(context: AssignmentContext): readonly Manifest[] | undefined {
    const props = fluxReconcilerProps(context);
    if (!props || !isFluxUrl(props.url)) return undefined;
    const objects = fluxObjects(props);
    return [
      { object: generatedObjectJson(GitRepository.manifest, objects.gitRepository) },
      { object: generatedObjectJson(Kustomization.manifest, objects.kustomization) },
    ];
  }
}
