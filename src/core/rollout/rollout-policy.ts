import { LabelSelector } from '../model/types';

/*
 * A RolloutPolicy (`scheduler.kalypso.io/v1alpha1`, an extension of this project's) orders an environment's cluster
 * types into waves: a change reaches the cluster types of the first wave, bakes, is approved, and only then the next.
 * docs/explanation/rollouts.md explains the whole mechanism.
 */

/** How a wave is approved before the next one starts. */
export enum ApprovalMethod {
  /** An approving review of the wave's pull request. */
  PULL_REQUEST_REVIEW = 'pullRequestReview',
  /** `kalypso rollout approve`, recorded in the rollout's tracking file. */
  COMMAND = 'command',
}

/** Who must approve a wave, and how. */
export interface WaveApproval {
  readonly method: ApprovalMethod;
  /**
   * The accounts whose approval counts (reviewers, or the `--by` of the command).
   * @default - anyone
   */
  readonly approvers?: readonly string[];
}

/** One wave: the cluster types it holds and the gate the next wave waits for. */
export interface RolloutWave {
  /** Name of the wave, e.g. `canary`. */
  readonly name: string;
  /** Cluster types whose labels match join the wave (when no earlier wave took them). */
  readonly clusterTypeSelector?: LabelSelector;
  /** Cluster types by name. */
  readonly clusterTypes?: readonly string[];
  /**
   * How long the wave's clusters must have been compliant before the next wave starts (`30m`, `1h`).
   * @default - no bake time
   */
  readonly bakeTime?: string;
  /** @default - no approval */
  readonly approval?: WaveApproval;
  /**
   * Clusters of the wave that may fail while the wave still passes.
   * @default 0
   */
  readonly maxFailures?: number;
  /**
   * Share of the wave's clusters that must be compliant for it to pass, e.g. `95%`.
   * @default "100%"
   */
  readonly quorum?: string;
}

/** A weekly window of allowed times, in a time zone. */
export interface AllowedWindow {
  /** Days of the week, `Mon`…`Sun`. @default - every day */
  readonly days?: readonly string[];
  /** `HH:MM`, inclusive. */
  readonly start: string;
  /** `HH:MM`, exclusive; before `start` for a window across midnight. */
  readonly end: string;
  /** An IANA time zone, e.g. `Europe/Berlin`. @default "UTC" */
  readonly timeZone?: string;
}

/** A period in which no wave starts, e.g. a holiday freeze. */
export interface FreezeWindow {
  /** Start, an ISO 8601 date-time with its offset, inclusive. */
  readonly from: string;
  /** End, an ISO 8601 date-time with its offset, exclusive. */
  readonly to: string;
  /** Why, for messages. */
  readonly reason?: string;
}

/** When waves may start: inside an allowed window (when there are any) and outside every freeze. */
export interface RolloutWindows {
  readonly allowed?: readonly AllowedWindow[];
  readonly freezes?: readonly FreezeWindow[];
}

/** The ordered waves of one environment. */
export interface RolloutPolicySpec {
  readonly waves: readonly RolloutWave[];
  readonly windows?: RolloutWindows;
}
