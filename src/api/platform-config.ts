import { Construct } from 'constructs';
import { ConfigMap as ConfigMapModel } from '../core/model/types';
import { PLATFORM_CONFIG_LABEL } from '../core/layout/names';
import { KalypsoObject, KalypsoObjectProps } from './kalypso-object';

/** Props of a `PlatformConfig`. */
export interface PlatformConfigProps extends KalypsoObjectProps {
  /**
   * Config entries. Values are text; Kalypso reads each as YAML, so `"[a, b]"` is a list and `"{x: 1}"` a map that
   * merges with other maps of the same key.
   * @default - none; add them with `addEntry`
   */
  readonly data?: Readonly<Record<string, string>>;
  /**
   * Add the `platform-config: "true"` label, which makes Kalypso merge the ConfigMap into the config of every
   * assignment its other labels match. Without it, only ConfigMaps named `azure-app-config…` are read.
   * @default true
   */
  readonly platformConfigLabel?: boolean;
}

/**
 * A platform ConfigMap (core `v1` ConfigMap labelled `platform-config: "true"`). Its other labels say which
 * assignments it configures: `cluster-type`, `deployment-target`, `workload`, or any label of the cluster type or the
 * deployment target; no other labels configure every assignment. ConfigMaps are applied in name order.
 */
export class PlatformConfig extends KalypsoObject<ConfigMapModel> {
  private readonly _data: Record<string, string>;

  public constructor(scope: Construct, id: string, props: PlatformConfigProps = {}) {
    super(scope, id, 'ConfigMap', {
      ...props,
      labels: (props.platformConfigLabel ?? true) ? { ...props.labels, [PLATFORM_CONFIG_LABEL]: 'true' } : props.labels,
    });
    this._data = { ...props.data };
  }

  /** The entries (a copy). */
  public get data(): Record<string, string> {
    return { ...this._data };
  }

  /** Adds an entry; a key can be set once. */
  public addEntry(key: string, value: string): void {
    if (Object.prototype.hasOwnProperty.call(this._data, key)) {
      throw new Error(
        `PlatformConfig "${this.node.path}" already has the key "${key}" (value ${JSON.stringify(this._data[key])})`,
      );
    }
    this._data[key] = value;
    this.changed();
  }

  public toModel(): ConfigMapModel {
    return { ...this.modelBase(), data: this.data };
  }

  protected manifestBody(): Record<string, unknown> {
    return { data: this.data };
  }
}
