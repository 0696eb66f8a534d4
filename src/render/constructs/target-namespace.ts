import { ApiObject, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { AssignmentContext } from './assignment-context';
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
    this.namespace = new kplus.Namespace(this, 'Resource', {
      metadata: { name: props.name, labels: props.labels ?? {} },
    });
    ApiObject.of(this.namespace).addJsonPatch(JsonPatch.remove('/spec'));
  }
}

/**
 * The built-in `default` namespace renderer: the sample template's labels (docs/explanation/compatibility.md), nothing
 * else.
 */
export class DefaultNamespaceRenderer implements INamespaceRenderer {
  /** A `TargetNamespace` named `<environment>-<clusterType>-<deploymentTarget>`. */
  public render(scope: Construct, context: AssignmentContext): void {
    new TargetNamespace(scope, 'Namespace', {
      name: context.namespace,
      labels: {
        environment: context.environment,
        workspace: context.workspace,
        workload: context.workload,
        deploymentTarget: context.deploymentTarget.name,
      },
    });
  }
}
