import { ShapeValue } from '../model/shape';
import { allowedWindow, freezeWindow, rolloutWave } from '../model/kinds';
import { RolloutPolicy } from '../model/types';

/*
 * The parts of a RolloutPolicy (`core/model/kinds.ts` defines them) that the rollout works with. A RolloutPolicy
 * orders an environment's cluster types into waves: a change reaches the cluster types of the first wave, bakes, is
 * approved, and only then the next. docs/explanation/rollouts.md explains the whole mechanism.
 */

export { ApprovalMethod } from '../model/kinds';

/** One wave: the cluster types it holds and the gate the next wave waits for. */
export type RolloutWave = ShapeValue<typeof rolloutWave>;
/** A weekly window of allowed times, in a time zone. */
export type AllowedWindow = ShapeValue<typeof allowedWindow>;
/** A period in which no wave starts. */
export type FreezeWindow = ShapeValue<typeof freezeWindow>;
/** The ordered waves of one environment, and when they may start. */
export type RolloutPolicySpec = Pick<RolloutPolicy, 'waves' | 'windows'>;
/** When waves may start. */
export type RolloutWindows = NonNullable<RolloutPolicy['windows']>;
/** Who must approve a wave, and how. */
export type WaveApproval = NonNullable<RolloutWave['approval']>;
