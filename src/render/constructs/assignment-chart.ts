import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { assignmentFolder } from '../../core/layout/names';
import { AssignmentContext } from './assignment-context';

const ASSIGNMENT_CHART = Symbol.for('kalypso-cdk8s.AssignmentChart');
import { ConfigFileType, IConfigRenderer, INamespaceRenderer, IReconciler } from './renderer';

/** Props of an `AssignmentChart`: the assignment and its three renderers. */
export interface AssignmentChartProps {
  /** The assignment: environment, cluster type, deployment target, namespace and composed platform config. */
  readonly context: AssignmentContext;
  /** Renders `reconciler.yaml`. */
  readonly reconciler: IReconciler;
  /** Renders `namespace.yaml`. */
  readonly namespaceRenderer: INamespaceRenderer;
  /** Renders `platform-config.yaml` or `.sh`. */
  readonly configRenderer: IConfigRenderer;
}

/**
 * One assignment (a deployment target on a cluster type) as a cdk8s chart with one child per output file:
 * `Namespace`, `PlatformConfig` and `Reconciler`. Object names are explicit (no hash suffixes) and every object
 * sets its own namespace.
 */
export class AssignmentChart extends Chart {
  /** Whether `value` is an AssignmentChart (works across copies of this library). */
  public static isAssignmentChart(value: unknown): value is AssignmentChart {
    return typeof value === 'object' && value !== null && ASSIGNMENT_CHART in value;
  }

  /** Name of the environment. */
  public readonly environment: string;
  /** Name of the cluster type. */
  public readonly clusterType: string;
  /** Name of the deployment target (`<workload>-<target>`). */
  public readonly deploymentTarget: string;
  /** The assignment's folder in the platform GitOps tree: `<environment>/<clusterType>/<deploymentTarget>`. */
  public readonly folder: string;
  /** The scope of the objects of `namespace.yaml`. */
  public readonly namespaceScope: Construct;
  /** The scope of the objects of `platform-config.yaml` (or the text of `platform-config.sh`). */
  public readonly platformConfigScope: Construct;
  /** The scope of the objects of `reconciler.yaml`. */
  public readonly reconcilerScope: Construct;
  /** Whether the platform config file is `platform-config.yaml` or `platform-config.sh`. */
  public readonly configFileType: ConfigFileType;

  public constructor(scope: Construct, id: string, props: AssignmentChartProps) {
    super(scope, id, { disableResourceNameHashes: true });
    Object.defineProperty(this, ASSIGNMENT_CHART, { value: true });
    this.environment = props.context.environment;
    this.clusterType = props.context.clusterType.name;
    this.deploymentTarget = props.context.deploymentTarget.name;
    this.folder = `${this.environment}/${assignmentFolder(this.clusterType, this.deploymentTarget)}`;
    this.namespaceScope = new Construct(this, 'Namespace');
    this.platformConfigScope = new Construct(this, 'PlatformConfig');
    this.reconcilerScope = new Construct(this, 'Reconciler');
    this.configFileType = props.configRenderer.fileType ?? ConfigFileType.YAML;
    props.namespaceRenderer.render(this.namespaceScope, props.context);
    props.configRenderer.render(this.platformConfigScope, props.context);
    props.reconciler.render(this.reconcilerScope, props.context);
  }
}
