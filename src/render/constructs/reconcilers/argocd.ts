import { Construct } from 'constructs';
import { Application, ApplicationProps } from '../../../../imports/argoproj.io';
import type { Manifest } from '../../serialize/serialize';
import { AssignmentContext } from '../assignment-context';
import { PlainRenderer, generatedObjectJson } from '../plain-manifest';
import { IReconciler } from '../renderer';
import { manifestFields, requiredManifests } from './manifests';

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
    this.application = new Application(this, 'Application', applicationProps(props));
  }
}

/** The props of an ArgoCdReconciler's Application. */
function applicationProps(props: ArgoCdReconcilerProps): ApplicationProps {
  return {
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
  };
}

/** The props of the ArgoCdReconciler of an assignment, or undefined when its target lacks a manifests field. */
function argoCdReconcilerProps(context: AssignmentContext): ArgoCdReconcilerProps | undefined {
  const manifests = manifestFields(context.deploymentTarget);
  if (!manifests) return undefined;
  return {
    name: context.deploymentTarget.name,
    repoUrl: manifests.repo,
    targetRevision: manifests.branch,
    path: manifests.path,
    destinationNamespace: context.namespace,
  };
}

/** The built-in `argocd` reconciler. */
export class ArgoCdReconcilerRenderer implements IReconciler, PlainRenderer {
  /** An `ArgoCdReconciler` syncing the target's `manifests` (`repo`, `branch`, `path`) into the target namespace. */
  public render(scope: Construct, context: AssignmentContext): void {
    if (!requiredManifests(scope, context.deploymentTarget)) return;
    new ArgoCdReconciler(scope, 'ArgoCd', argoCdReconcilerProps(context)!);
  }

  /** The JSON of the ArgoCdReconciler's Application; undefined when `render` would report a problem. */
  public plainManifests(context: AssignmentContext): readonly Manifest[] | undefined {
    const props = argoCdReconcilerProps(context);
    if (!props) return undefined;
    return [{ object: generatedObjectJson(Application.manifest, applicationProps(props)) }];
  }
}
