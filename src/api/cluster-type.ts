import { ConfigRendererName, NamespaceRendererName, ReconcilerName } from '../core/model/renderer-names';
import { Construct } from 'constructs';
import { KindProps } from '../core/model/kind';
import { CLUSTER_TYPE } from '../core/model/kinds';
import { ClusterType as ClusterTypeModel } from '../core/model/types';
import { KalypsoObject, KalypsoObjectProps } from './kalypso-object';

/** Props of a `ClusterType`. */
export interface ClusterTypeProps extends KalypsoObjectProps, KindProps<typeof CLUSTER_TYPE> {}

/**
 * A labelled group of clusters that share a reconciler (`scheduler.kalypso.io/v1alpha1` ClusterType). Scheduling
 * policies select cluster types by their labels; each gets a folder in the platform GitOps tree.
 */
export class ClusterType extends KalypsoObject<ClusterTypeModel> {
  /** Name of the renderer of `reconciler.yaml`. */
  public readonly reconciler: ReconcilerName;
  /** Name of the renderer of `namespace.yaml`. */
  public readonly namespaceService: NamespaceRendererName;
  /** Name of the renderer of the platform config file. */
  public readonly configType: ConfigRendererName;

  public constructor(scope: Construct, id: string, props: ClusterTypeProps = {}) {
    super(scope, id, CLUSTER_TYPE, props);
    this.reconciler = this.fields.reconciler;
    this.namespaceService = this.fields.namespaceService;
    this.configType = this.fields.configType;
  }
}
