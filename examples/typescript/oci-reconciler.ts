/*
 * A custom reconciler: Flux pulls the deployment target's manifests from an OCI artifact (an OCIRepository and a
 * Kustomization) instead of from git. `OciRepository` is generated offline from the real Flux CRD
 * (crds/source.toolkit.fluxcd.io_ocirepositories.yaml) with `cdk8s import` (see cdk8s.yaml).
 */
import { Construct } from 'constructs';
import { AssignmentContext, FLUX_NAMESPACE, IReconciler } from '../../src';
import { Kustomization, KustomizationSpecSourceRefKind } from '../../imports/kustomize.toolkit.fluxcd.io';
import { OciRepository } from './imports/oci-source.toolkit.fluxcd.io';

/** Props of an `OciReconciler`. */
export interface OciReconcilerProps {
  /** Name of the OCIRepository and the Kustomization. */
  readonly name: string;
  /** The artifact repository, `oci://<registry>/<repository>`. */
  readonly url: string;
  /** The artifact tag to deploy. */
  readonly tag: string;
  /** Folder inside the artifact. */
  readonly path: string;
  /** Namespace the manifests are applied to. */
  readonly targetNamespace: string;
  /**
   * How often Flux checks for a new artifact and re-applies.
   * @default "1m"
   */
  readonly interval?: string;
}

/** A Flux OCIRepository and a Kustomization applying `path` of its artifact to the target namespace. */
export class OciReconciler extends Construct {
  /** The artifact source. */
  public readonly ociRepository: OciRepository;
  /** Applies the artifact's manifests. */
  public readonly kustomization: Kustomization;

  public constructor(scope: Construct, id: string, props: OciReconcilerProps) {
    super(scope, id);
    const interval = props.interval ?? '1m';
    this.ociRepository = new OciRepository(this, 'OciRepository', {
      metadata: { name: props.name, namespace: FLUX_NAMESPACE },
      spec: { interval, url: props.url, ref: { tag: props.tag } },
    });
    this.kustomization = new Kustomization(this, 'Kustomization', {
      metadata: { name: props.name, namespace: FLUX_NAMESPACE },
      spec: {
        interval,
        targetNamespace: props.targetNamespace,
        sourceRef: { kind: KustomizationSpecSourceRefKind.OCI_REPOSITORY, name: props.name },
        path: props.path,
        prune: true,
      },
    });
    this.node.addValidation({
      validate: () => (props.url.startsWith('oci://') ? [] : [`url ${JSON.stringify(props.url)} is not an oci:// URL`]),
    });
  }
}

/** Props of an `OciReconcilerRenderer`. */
export interface OciReconcilerRendererProps {
  /**
   * Where the application manifests are published as OCI artifacts: a target whose `manifests.repo` is
   * `https://github.com/org/app-gitops` is pulled from `<registry>/app-gitops`, tagged with its `manifests.branch`.
   */
  readonly registry: string;
}

/** Renders `reconciler.yaml` of the cluster types whose `reconciler` names it (register it with `addReconciler`). */
export class OciReconcilerRenderer implements IReconciler {
  public constructor(private readonly props: OciReconcilerRendererProps) {}

  public render(scope: Construct, context: AssignmentContext): void {
    const { name, manifests } = context.deploymentTarget;
    const repository = manifests.repo.replace(/\/+$/, '').split('/').pop();
    new OciReconciler(scope, 'Oci', {
      name,
      url: `${this.props.registry}/${repository}`,
      tag: manifests.branch,
      path: manifests.path,
      targetNamespace: context.namespace,
    });
  }
}
