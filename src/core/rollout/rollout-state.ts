import { WaveApprovalRecord } from './gate';
import { ApprovalMethod } from './rollout-policy';
import { WaveMembership } from './waves';

/*
 * The state of an environment's rollout, kept in a small tracking file on the environment's branch of the platform
 * GitOps repository (ROLLOUT_STATE_FILE), so that any CI job can pick the rollout up where another left it. The file
 * is read back from git, so it is validated like input: anything that is not exactly this shape is refused.
 */

/** Where the tracking file lives in the environment's tree. */
export const ROLLOUT_STATE_FILE = '.github/kalypso/rollout.json';
const FORMAT = 'kalypso-rollout/1';

/** Where a rollout stands. */
export enum RolloutStatus {
  /** Wave `wave` is published; the next waits for its gate. */
  IN_PROGRESS = 'in-progress',
  /** Stopped by `kalypso rollout pause`; `resume` continues. */
  PAUSED = 'paused',
  /** A wave failed its gate; a revert restores the published content. */
  FAILED = 'failed',
  /** Every wave passed. */
  COMPLETE = 'complete',
  /** Stopped by `kalypso rollout abort`; nothing more is published for this change. */
  ABORTED = 'aborted',
}

/** One step of the rollout's history. */
export interface RolloutEvent {
  /** ISO 8601. */
  readonly at: string;
  readonly event: string;
  readonly wave?: number;
  readonly detail?: string;
}

/** The tracking file's content. */
export interface RolloutState {
  readonly format: typeof FORMAT;
  readonly environment: string;
  /** The RolloutPolicy. */
  readonly policy: string;
  /** What is rolled out: the digest of the planned tree (and the promoted control-plane commit, if any). */
  readonly change: { readonly digest: string; readonly promotedCommit?: string };
  /** The branch's commit before the rollout started: what a revert restores. */
  readonly baseCommit: string;
  /** The waves as they were when each was published. */
  readonly waves: readonly WaveMembership[];
  /** Index of the last wave published. */
  readonly wave: number;
  readonly status: RolloutStatus;
  /** When the published wave first met its quorum (ISO 8601). */
  readonly compliantSince?: string;
  readonly approvals: readonly (WaveApprovalRecord & { readonly wave: number })[];
  readonly history: readonly RolloutEvent[];
}

/** The tracking file's text for `state`: stable JSON, one key per line, so that a diff reads well. */
export function formatRolloutState(state: RolloutState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}

/** Reads a tracking file; a problem (one sentence) instead when it is not one. */
export function parseRolloutState(text: string): { state: RolloutState } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { problem: `${ROLLOUT_STATE_FILE} is not JSON: ${(e as Error).message}` };
  }
  const problem = stateProblem(value);
  return problem ? { problem: `${ROLLOUT_STATE_FILE} ${problem}` } : { state: value as RolloutState };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isTime = (value: unknown) => isString(value) && !Number.isNaN(Date.parse(value));
const isIndex = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;

function stateProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'must be a JSON object';
  if (value.format !== FORMAT) return `has format ${JSON.stringify(value.format)}, not "${FORMAT}"`;
  for (const key of ['environment', 'policy', 'baseCommit'] as const) {
    if (!isString(value[key])) return `lacks "${key}"`;
  }
  const change = value.change;
  if (!isObject(change) || !isString(change.digest)) return 'lacks "change.digest"';
  if (change.promotedCommit !== undefined && !isString(change.promotedCommit))
    return 'has a bad "change.promotedCommit"';
  const waves = value.waves;
  if (
    !Array.isArray(waves) ||
    waves.length === 0 ||
    !waves.every(
      (wave) =>
        isObject(wave) && isString(wave.name) && Array.isArray(wave.clusterTypes) && wave.clusterTypes.every(isString),
    )
  ) {
    return 'has bad "waves"';
  }
  if (!isIndex(value.wave) || (value.wave as number) >= waves.length) return 'has a bad "wave"';
  if (!Object.values(RolloutStatus).includes(value.status as RolloutStatus)) return 'has a bad "status"';
  if (value.compliantSince !== undefined && !isTime(value.compliantSince)) return 'has a bad "compliantSince"';
  const approvals = value.approvals;
  if (
    !Array.isArray(approvals) ||
    !approvals.every(
      (approval) =>
        isObject(approval) &&
        Object.values(ApprovalMethod).includes(approval.method as ApprovalMethod) &&
        isString(approval.by) &&
        isTime(approval.at) &&
        isIndex(approval.wave),
    )
  ) {
    return 'has bad "approvals"';
  }
  const history = value.history;
  if (
    !Array.isArray(history) ||
    !history.every((event) => isObject(event) && isTime(event.at) && isString(event.event))
  ) {
    return 'has a bad "history"';
  }
  return undefined;
}

/** A new rollout of `change`, its first wave published. */
export function startRollout(props: {
  environment: string;
  policy: string;
  change: RolloutState['change'];
  baseCommit: string;
  waves: readonly WaveMembership[];
  now: Date;
}): RolloutState {
  return {
    format: FORMAT,
    environment: props.environment,
    policy: props.policy,
    change: props.change,
    baseCommit: props.baseCommit,
    waves: props.waves,
    wave: 0,
    status: RolloutStatus.IN_PROGRESS,
    approvals: [],
    history: [{ at: props.now.toISOString(), event: 'started', wave: 0 }],
  };
}

/** The state with `event` added to the history, and `changes` applied. */
export function recordEvent(
  state: RolloutState,
  now: Date,
  event: string,
  changes: Partial<Omit<RolloutState, 'format' | 'history'>> = {},
  detail?: string,
): RolloutState {
  const wave = changes.wave ?? state.wave;
  return {
    ...state,
    ...changes,
    history: [...state.history, { at: now.toISOString(), event, wave, ...(detail ? { detail } : {}) }],
  };
}
