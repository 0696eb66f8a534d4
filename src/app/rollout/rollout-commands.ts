import { ApprovalMethod } from '../../core/rollout/rollout-policy';
import { RolloutState, RolloutStatus, recordEvent } from '../../core/rollout/rollout-state';
import { windowVerdict } from '../../core/rollout/windows';
import { UsageError } from '../errors';
import { describeGate } from '../explain/explain-rollout';
import { RolloutSession, readRollout, writeTracking } from './rollout-session';
import { planChange } from './wave-publication';

/** `pause`, `resume`, `abort` and `approve`: a change of the rollout's state, recorded in its tracking file. */
export type RolloutCommand = 'pause' | 'resume' | 'abort' | 'approve';

export interface RolloutChange {
  readonly environment: string;
  readonly command: RolloutCommand;
  /** False when the rollout already was in that state (nothing written). */
  readonly changed: boolean;
  readonly state: RolloutState;
  /** The commit the tracking file was written in. */
  readonly recorded?: string;
}

const ACTIVE = [RolloutStatus.IN_PROGRESS, RolloutStatus.PAUSED];

/**
 * Pauses, resumes, aborts or approves (by command, `by` approving the published wave) the environment's rollout in its
 * tracking file, straight onto the branch. Asking for the state the rollout is already in writes nothing; asking
 * what its state does not allow (resuming a failed rollout) is refused, saying why.
 */
export async function changeRollout(
  session: RolloutSession,
  command: RolloutCommand,
  options: { readonly now: Date; readonly by?: string },
): Promise<RolloutChange> {
  const { branch, state } = await readRollout(session);
  const environment = session.environment.name;
  const where = session.destination.target.description;
  if (!state) throw new UsageError(`${where} records no rollout of ${environment}; kalypso publish starts one`);
  const refuse = (what: string) =>
    new UsageError(`cannot ${command} the rollout of ${environment}: it is ${state.status}${what}`);
  const unchanged = { environment, command, changed: false, state };
  let next: RolloutState;
  switch (command) {
    case 'pause':
      if (state.status === RolloutStatus.PAUSED) return unchanged;
      if (state.status !== RolloutStatus.IN_PROGRESS) throw refuse('');
      next = recordEvent(state, options.now, 'paused', { status: RolloutStatus.PAUSED });
      break;
    case 'resume':
      if (state.status === RolloutStatus.IN_PROGRESS) return unchanged;
      if (state.status !== RolloutStatus.PAUSED) throw refuse('; a new change starts a new rollout');
      next = recordEvent(state, options.now, 'resumed', { status: RolloutStatus.IN_PROGRESS });
      break;
    case 'abort':
      if (state.status === RolloutStatus.ABORTED) return unchanged;
      if (!ACTIVE.includes(state.status)) throw refuse('');
      next = recordEvent(state, options.now, 'aborted', { status: RolloutStatus.ABORTED });
      break;
    case 'approve': {
      const by = options.by ?? 'unknown';
      if (!ACTIVE.includes(state.status)) throw refuse('');
      const done = state.approvals.some(
        (approval) => approval.wave === state.wave && approval.method === ApprovalMethod.COMMAND && approval.by === by,
      );
      if (done) return unchanged;
      const approval = { method: ApprovalMethod.COMMAND, by, at: options.now.toISOString(), wave: state.wave };
      next = recordEvent(state, options.now, 'approved', { approvals: [...state.approvals, approval] }, `by ${by}`);
      break;
    }
  }
  const wave = `wave ${next.wave + 1} (${next.waves[next.wave].name})`;
  const recorded = await writeTracking(
    session,
    branch.commit,
    next,
    `Rollout of ${environment}: ${command} at ${wave}`,
  );
  return { environment, command, changed: true, state: next, recorded };
}

/** What `kalypso rollout status` shows. */
export interface RolloutStatusReport {
  readonly environment: string;
  readonly policy: string;
  readonly repo: string;
  readonly branch: string;
  /** The branch's commit as read. */
  readonly commit: string;
  /** The tracking file; undefined when the branch records no rollout. */
  readonly state?: RolloutState;
  /** Whether the rollout recorded carries what the control plane plans now. */
  readonly current: boolean;
  /** Whether a wave may start now. */
  readonly window: { readonly open: boolean; readonly reason: string; readonly opensAt?: string };
  /** What happens next, in one sentence. */
  readonly next: string;
}

/** The environment's rollout as its tracking file records it, and what comes next (reads only). */
export async function rolloutStatus(session: RolloutSession, now: Date): Promise<RolloutStatusReport> {
  const { branch, state } = await readRollout(session);
  const { rollout, destination } = session;
  const verdict = windowVerdict(rollout.policy.windows, now);
  const current = state !== undefined && state.change.digest === planChange(session.plan).digest;
  return {
    environment: session.environment.name,
    policy: rollout.policy.name,
    repo: destination.repo,
    branch: destination.branch,
    commit: branch.commit,
    ...(state ? { state } : {}),
    current,
    window: {
      open: verdict.open,
      reason: verdict.reason,
      ...(verdict.opensAt ? { opensAt: verdict.opensAt.toISOString() } : {}),
    },
    next: nextStep(session, state, current),
  };
}

function nextStep(session: RolloutSession, state: RolloutState | undefined, current: boolean): string {
  if (!state) return 'no rollout yet: kalypso publish (or rollout advance) proposes the first wave';
  if (!current) return 'the control plane plans a new change: kalypso publish (or rollout advance) starts its rollout';
  const wave = state.waves[state.wave];
  const gate = session.rollout.policy.waves[state.wave];
  switch (state.status) {
    case RolloutStatus.IN_PROGRESS:
      return state.wave === state.waves.length - 1
        ? `last wave ${state.wave + 1} (${wave.name}) is out; once it passes its gate (${gate ? describeGate(gate) : 'as the policy says'}), the rollout is complete`
        : `wave ${state.wave + 1} (${wave.name}) is out; once it passes its gate (${gate ? describeGate(gate) : 'as the policy says'}), kalypso rollout advance proposes wave ${state.wave + 2} (${state.waves[state.wave + 1].name})`;
    case RolloutStatus.PAUSED:
      return 'paused: kalypso rollout resume continues';
    case RolloutStatus.FAILED:
      return 'failed: merge the revert request; a new change starts a new rollout';
    case RolloutStatus.ABORTED:
      return 'aborted: a new change starts a new rollout';
    default:
      return 'complete: every wave passed';
  }
}
