import { Construct } from 'constructs';
import { KindProps } from '../core/model/kind';
import { SCHEDULING_POLICY } from '../core/model/kinds';
import { LabelSelector, SchedulingPolicy as SchedulingPolicyModel } from '../core/model/types';
import { KalypsoObject, KalypsoObjectProps } from './kalypso-object';

/** Props of a `SchedulingPolicy`. */
export interface SchedulingPolicyProps extends KalypsoObjectProps, KindProps<typeof SCHEDULING_POLICY> {}

/**
 * Schedules every selected deployment target onto every selected cluster type (`scheduler.kalypso.io/v1alpha1`
 * SchedulingPolicy): the cross product, as Kalypso does.
 */
export class SchedulingPolicy extends KalypsoObject<SchedulingPolicyModel> {
  /** Only deployment targets of this workspace; undefined for every workspace. */
  public readonly workspace?: string;

  public constructor(scope: Construct, id: string, props: SchedulingPolicyProps = {}) {
    super(scope, id, SCHEDULING_POLICY, props);
    this.workspace = this.fields.workspace;
  }

  /** The deployment target selector (a copy). */
  public get deploymentTargetSelector(): LabelSelector {
    return this.toModel().deploymentTargetSelector;
  }

  /** The cluster type selector (a copy). */
  public get clusterTypeSelector(): LabelSelector {
    return this.toModel().clusterTypeSelector;
  }
}
