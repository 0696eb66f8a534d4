import { ApiObject, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import type { Manifest } from '../serialize/serialize';
import { AssignmentContext } from './assignment-context';
import { PlainRenderer, generatedObjectJson } from './plain-manifest';
import { INamespaceRenderer } from './renderer';

/** Props of a `TargetNamespace`. */
export interface TargetNamespaceProps {
  /** Kubernetes name of the namespace (from `namespaceName()`). */
  readonly name: string;
  /**
   * Labels of the namespace.
   * @default - no labels
   */
  readonly labels?: Record<string, string>;
}

/** The namespace an assignment's workload runs in: a cdk8s-plus Namespace without the empty `spec`. */
export class TargetNamespace extends Construct {
  /** The cdk8s-plus Namespace. */
  public readonly namespace: kplus.Namespace;

  public constructor(scope: Construct, id: string, props: TargetNamespaceProps) {
    super(scope, id);
    this.namespace = new kplus.Namespace(this, 'Resource', { metadata: namespaceMetadata(props) });
    ApiObject.of(this.namespace).addJsonPatch(JsonPatch.remove('/spec'));
  }
}

function namespaceMetadata(props: TargetNamespaceProps): { name: string; labels: Record<string, string> } {
  return { name: props.name, labels: props.labels ?? {} };
}

/** The TargetNamespace of an assignment: the sample template's labels, nothing else. */
function defaultNamespaceProps(context: AssignmentContext): TargetNamespaceProps {
  return {
    name: context.namespace,
    labels: {
      environment: context.environment,
      workspace: context.workspace,
      workload: context.workload,
      deploymentTarget: context.deploymentTarget.name,
    },
  };
}

/**
 * The built-in `default` namespace renderer: the sample template's labels (docs/explanation/compatibility.md), nothing
 * else.
 */
export class DefaultNamespaceRenderer implements INamespaceRenderer, PlainRenderer {
  /** A `TargetNamespace` named `<environment>-<clusterType>-<deploymentTarget>`. */
  public render(scope: Construct, context: AssignmentContext): void {
    new TargetNamespace(scope, 'Namespace', defaultNamespaceProps(context));
  }

  /** The JSON of the TargetNamespace (its Namespace without `spec`). */
  public plainManifests(context: AssignmentContext): readonly Manifest[] {
    const metadata = namespaceMetadata(defaultNamespaceProps(context));
    return [{ object: generatedObjectJson(kplus.k8s.KubeNamespace.manifest, { metadata }) }];
  }
}
