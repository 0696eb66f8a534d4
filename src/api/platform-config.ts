import { Construct } from 'constructs';
import { KindProps } from '../core/model/kind';
import { CONFIG_MAP } from '../core/model/kinds';
import { ConfigMap as ConfigMapModel } from '../core/model/types';
import { PLATFORM_CONFIG_LABEL } from '../core/layout/names';
import { KalypsoObject, KalypsoObjectProps } from './kalypso-object';

/** Props of a `PlatformConfig`. */
export interface PlatformConfigProps extends KalypsoObjectProps, KindProps<typeof CONFIG_MAP> {
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
  public constructor(scope: Construct, id: string, props: PlatformConfigProps = {}) {
    super(scope, id, CONFIG_MAP, {
      ...props,
      labels: (props.platformConfigLabel ?? true) ? { ...props.labels, [PLATFORM_CONFIG_LABEL]: 'true' } : props.labels,
    });
  }

  /** The entries (a copy). */
  public get data(): Record<string, string> {
    return { ...this.fields.data };
  }

  /** Adds an entry; a key can be set once. */
  public addEntry(key: string, value: string): void {
    const { data } = this.fields;
    if (Object.prototype.hasOwnProperty.call(data, key)) {
      throw new Error(
        `PlatformConfig "${this.node.path}" already has the key "${key}" (value ${JSON.stringify(data[key])})`,
      );
    }
    this.setFields({ data: { ...data, [key]: value } });
  }
}
