import { RolloutState, RolloutStatus } from './rollout-state';
import { WaveMembership } from './waves';

/** What a publication of an environment rolling out in waves proposes. */
export interface WavePublicationDecision {
  /**
   * `start`: a new change, its first wave; `continue`: the change in progress, the wave already published (nothing
   * new); `hold`: the rollout of this change failed or was aborted, nothing is proposed.
   */
  readonly kind: 'start' | 'continue' | 'hold';
  /** The wave the publication reaches (index); -1 for `hold`. */
  readonly wave: number;
  readonly last: boolean;
  /** The tracking file the publication carries. */
  readonly state: RolloutState;
}

export interface WavePublicationInput {
  readonly environment: string;
  readonly policy: string;
  /** What is rolled out now: the digest of the planned tree, and its promoted commit. */
  readonly change: RolloutState['change'];
  /** The branch's commit as read: what a revert of the new rollout restores. */
  readonly branchCommit: string;
  /** The environment's cluster types in the policy's waves, now. */
  readonly waves: readonly WaveMembership[];
  /** The tracking file on the branch, when there is one. */
  readonly stored?: RolloutState;
}

/** A rollout as first proposed: its first wave, nothing recorded yet (the history starts when its waves are seen). */
export function proposedRollout(input: Omit<WavePublicationInput, 'stored'>): RolloutState {
  return {
    format: 'kalypso-rollout/1',
    environment: input.environment,
    policy: input.policy,
    change: input.change,
    baseCommit: input.branchCommit,
    waves: input.waves,
    wave: 0,
    status: RolloutStatus.IN_PROGRESS,
    approvals: [],
    history: [],
  };
}

/**
 * What `kalypso publish` proposes for an environment with a RolloutPolicy (pure). A change the tracking file does not
 * record — no rollout yet, or a different plan (a cluster type added or removed changes the plan too) — starts a new
 * rollout at its first wave; the waves already out keep what they have. The change in progress is proposed as far as
 * it went (nothing new: `kalypso rollout advance` moves it on); a change whose rollout failed or was aborted is held.
 * Nothing depends on the clock, so publishing again proposes exactly the same.
 */
export function decideWavePublication(input: WavePublicationInput): WavePublicationDecision {
  const { stored } = input;
  const lastIndex = input.waves.length - 1;
  if (!stored || stored.change.digest !== input.change.digest || stored.policy !== input.policy) {
    return { kind: 'start', wave: 0, last: lastIndex === 0, state: proposedRollout(input) };
  }
  if (stored.status === RolloutStatus.FAILED || stored.status === RolloutStatus.ABORTED) {
    return { kind: 'hold', wave: -1, last: false, state: stored };
  }
  const wave = stored.status === RolloutStatus.COMPLETE ? lastIndex : Math.min(stored.wave, lastIndex);
  return { kind: 'continue', wave, last: wave === lastIndex, state: stored };
}
