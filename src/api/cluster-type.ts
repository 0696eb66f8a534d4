import { Construct } from 'constructs';
import { ClusterType as ClusterTypeModel } from '../core/model/types';
import { KalypsoObject, KalypsoObjectProps } from './kalypso-object';

/** Props of a `ClusterType`. */
export interface ClusterTypeProps extends KalypsoObjectProps {
  /**
   * Renders `reconciler.yaml`: a Template of the control plane with this name, else a registered reconciler
   * (built-in: `flux`, also called `arc-flux`, and `argocd`; more with `ControlPlane.addReconciler`).
   * @default "flux"
   */
  readonly reconciler?: string;
  /**
   * Renders `namespace.yaml`: a Template with this name, else a registered namespace renderer (built-in: `default`).
   * @default "default"
   */
  readonly namespaceService?: string;
  /**
   * Renders the platform config file: a Template with this name, else a registered config renderer (built-in:
   * `configmap` for `platform-config.yaml`, `envfile` for `platform-config.sh`).
   * @default "configmap"
   */
  readonly configType?: string;
}

/**
 * A labelled group of clusters that share a reconciler (`scheduler.kalypso.io/v1alpha1` ClusterType). Scheduling
 * policies select cluster types by their labels; each gets a folder in the platform GitOps tree.
 */
export class ClusterType extends KalypsoObject<ClusterTypeModel> {
  /** Name of the renderer of `reconciler.yaml`. */
  public readonly reconciler: string;
  /** Name of the renderer of `namespace.yaml`. */
  public readonly namespaceService: string;
  /** Name of the renderer of the platform config file. */
  public readonly configType: string;

  public constructor(scope: Construct, id: string, props: ClusterTypeProps = {}) {
    super(scope, id, 'ClusterType', props);
    this.reconciler = props.reconciler ?? 'flux';
    this.namespaceService = props.namespaceService ?? 'default';
    this.configType = props.configType ?? 'configmap';
  }

  public toModel(): ClusterTypeModel {
    return {
      ...this.modelBase(),
      reconciler: this.reconciler,
      namespaceService: this.namespaceService,
      configType: this.configType,
    };
  }

  protected manifestBody(): Record<string, unknown> {
    return {
      spec: { reconciler: this.reconciler, namespaceService: this.namespaceService, configType: this.configType },
    };
  }
}
