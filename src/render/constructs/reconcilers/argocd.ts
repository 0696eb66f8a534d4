import { Construct } from 'constructs';
import { Application } from '../../../../imports/argoproj.io';
import { AssignmentContext } from '../assignment-context';
import { IReconciler } from '../renderer';
import { requiredManifests } from './manifests';

/** Namespace of the Argo CD Applications. */
export const ARGOCD_NAMESPACE = 'argocd';
const IN_CLUSTER = 'https://kubernetes.default.svc';

/** Props of an `ArgoCdReconciler`. */
export interface ArgoCdReconcilerProps {
  /** Name of the Application. */
  readonly name: string;
  /** URL of the repository holding the manifests. */
  readonly repoUrl: string;
  /** Branch, tag or commit. */
  readonly targetRevision: string;
  /** Folder inside the repository. */
  readonly path: string;
  /** Namespace the manifests are applied to (created by Argo CD). */
  readonly destinationNamespace: string;
  /**
   * Argo CD project.
   * @default "default"
   */
  readonly project?: string;
}

/**
 * An Argo CD Application syncing every `*.yaml` below `path` (except kustomization.yaml) into the target namespace:
 * the object of Kalypso's sample `argocd` template (docs/explanation/compatibility.md).
 */
export class ArgoCdReconciler extends Construct {
  /** The Argo CD Application. */
  public readonly application: Application;

  public constructor(scope: Construct, id: string, props: ArgoCdReconcilerProps) {
    super(scope, id);
    this.application = new Application(this, 'Application', {
      metadata: { name: props.name, namespace: ARGOCD_NAMESPACE },
      spec: {
        destination: { server: IN_CLUSTER, namespace: props.destinationNamespace },
        project: props.project ?? 'default',
        source: {
          path: props.path,
          repoUrl: props.repoUrl,
          targetRevision: props.targetRevision,
          directory: { recurse: true, include: '*.yaml', exclude: 'kustomization.yaml' },
        },
        syncPolicy: {
          automated: { prune: true, selfHeal: true, allowEmpty: false },
          syncOptions: ['CreateNamespace=true'],
        },
      },
    });
  }
}

/** The built-in `argocd` reconciler. */
export class ArgoCdReconcilerRenderer implements IReconciler {
  /** An `ArgoCdReconciler` syncing the target's `manifests` (`repo`, `branch`, `path`) into the target namespace. */
  public render(scope: Construct, context: AssignmentContext): void {
    const manifests = requiredManifests(scope, context.deploymentTarget);
    if (!manifests) return;
    const { name } = context.deploymentTarget;
    new ArgoCdReconciler(scope, 'ArgoCd', {
      name,
      repoUrl: manifests.repo,
      targetRevision: manifests.branch,
      path: manifests.path,
      destinationNamespace: context.namespace,
    });
  }
}
