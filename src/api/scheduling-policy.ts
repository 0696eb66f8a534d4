import { Construct } from 'constructs';
import { LabelSelector, SchedulingPolicy as SchedulingPolicyModel } from '../core/model/types';
import { KalypsoObject, KalypsoObjectProps } from './kalypso-object';

/** Props of a `SchedulingPolicy`. */
export interface SchedulingPolicyProps extends KalypsoObjectProps {
  /**
   * Only deployment targets whose `workspace` label equals this (the workspace of their WorkloadRegistration).
   * @default - targets of every workspace
   */
  readonly workspace?: string;
  /**
   * Which deployment targets, by their labels (`matchLabels` and `matchExpressions` are ANDed).
   * @default {} - every deployment target
   */
  readonly deploymentTargetSelector?: LabelSelector;
  /**
   * Which cluster types, by their labels.
   * @default {} - every cluster type
   */
  readonly clusterTypeSelector?: LabelSelector;
}

/**
 * Schedules every selected deployment target onto every selected cluster type (`scheduler.kalypso.io/v1alpha1`
 * SchedulingPolicy): the cross product, as Kalypso does.
 */
export class SchedulingPolicy extends KalypsoObject<SchedulingPolicyModel> {
  /** Only deployment targets of this workspace; undefined for every workspace. */
  public readonly workspace?: string;
  private readonly _deploymentTargetSelector: LabelSelector;
  private readonly _clusterTypeSelector: LabelSelector;

  public constructor(scope: Construct, id: string, props: SchedulingPolicyProps = {}) {
    super(scope, id, 'SchedulingPolicy', props);
    this.workspace = props.workspace || undefined;
    this._deploymentTargetSelector = copySelector(props.deploymentTargetSelector ?? {});
    this._clusterTypeSelector = copySelector(props.clusterTypeSelector ?? {});
  }

  /** The deployment target selector (a copy). */
  public get deploymentTargetSelector(): LabelSelector {
    return copySelector(this._deploymentTargetSelector);
  }

  /** The cluster type selector (a copy). */
  public get clusterTypeSelector(): LabelSelector {
    return copySelector(this._clusterTypeSelector);
  }

  public toModel(): SchedulingPolicyModel {
    return {
      ...this.modelBase(),
      ...(this.workspace ? { workspace: this.workspace } : {}),
      deploymentTargetSelector: this.deploymentTargetSelector,
      clusterTypeSelector: this.clusterTypeSelector,
    };
  }

  protected manifestBody(): Record<string, unknown> {
    return {
      spec: {
        deploymentTargetSelector: {
          ...(this.workspace ? { workspace: this.workspace } : {}),
          labelSelector: this.deploymentTargetSelector,
        },
        clusterTypeSelector: { labelSelector: this.clusterTypeSelector },
      },
    };
  }
}

/** A deep copy holding only the fields that are set, as the loader builds selectors. */
function copySelector(selector: LabelSelector): LabelSelector {
  return {
    ...(selector.matchLabels ? { matchLabels: { ...selector.matchLabels } } : {}),
    ...(selector.matchExpressions
      ? {
          matchExpressions: selector.matchExpressions.map((requirement) => ({
            key: requirement.key,
            operator: requirement.operator,
            ...(requirement.values && requirement.values.length > 0 ? { values: [...requirement.values] } : {}),
          })),
        }
      : {}),
  };
}
