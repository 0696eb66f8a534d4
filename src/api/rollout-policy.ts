import { Construct } from 'constructs';
import { KindProps } from '../core/model/kind';
import { ROLLOUT_POLICY } from '../core/model/kinds';
import { RolloutPolicy as RolloutPolicyModel } from '../core/model/types';
import { KalypsoObject, KalypsoObjectProps } from './kalypso-object';

/** Props of a `RolloutPolicy`. */
export interface RolloutPolicyProps extends KalypsoObjectProps, KindProps<typeof ROLLOUT_POLICY> {}

/**
 * Rolls an environment's changes out in waves of cluster types (`scheduler.kalypso.io/v1alpha1` RolloutPolicy, an
 * extension of this project's): each wave's pull request changes only the cluster types of the waves so far, and the
 * next wave starts once the clusters of this one are compliant, baked and approved, inside the change windows.
 * `kalypso rollout` drives it; docs/explanation/rollouts.md explains it.
 */
export class RolloutPolicy extends KalypsoObject<RolloutPolicyModel> {
  public constructor(scope: Construct, id: string, props: RolloutPolicyProps) {
    super(scope, id, ROLLOUT_POLICY, props);
  }

  /** The waves, in order (a copy). */
  public get waves(): RolloutPolicyModel['waves'] {
    return this.toModel().waves;
  }
}
