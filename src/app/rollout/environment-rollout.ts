import { EnvironmentModel, RolloutPolicy } from '../../core/model/types';
import { WavePlan, assignWaves } from '../../core/rollout/waves';

/** An environment's RolloutPolicy and its cluster types ordered into the policy's waves. */
export interface EnvironmentRollout {
  readonly environment: string;
  readonly policy: RolloutPolicy;
  readonly plan: WavePlan;
}

/** The environment's rollout in waves; undefined when it has no RolloutPolicy (changes reach every cluster type at once). */
export function environmentRollout(environment: EnvironmentModel): EnvironmentRollout | undefined {
  const [policy] = environment.rolloutPolicies;
  return policy && { environment: environment.name, policy, plan: assignWaves(policy, environment.clusterTypes) };
}
