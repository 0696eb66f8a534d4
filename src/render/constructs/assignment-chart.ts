import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { AssignmentContext } from './assignment-context';
import { ConfigFileType, IConfigRenderer, INamespaceRenderer, IReconciler } from './renderer';

export interface AssignmentChartProps {
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
  public readonly namespaceScope: Construct;
  public readonly platformConfigScope: Construct;
  public readonly reconcilerScope: Construct;
  public readonly configFileType: ConfigFileType;

  public constructor(scope: Construct, id: string, props: AssignmentChartProps) {
    super(scope, id, { disableResourceNameHashes: true });
    this.namespaceScope = new Construct(this, 'Namespace');
    this.platformConfigScope = new Construct(this, 'PlatformConfig');
    this.reconcilerScope = new Construct(this, 'Reconciler');
    this.configFileType = props.configRenderer.fileType ?? ConfigFileType.YAML;
    props.namespaceRenderer.render(this.namespaceScope, props.context);
    props.configRenderer.render(this.platformConfigScope, props.context);
    props.reconciler.render(this.reconcilerScope, props.context);
  }
}
