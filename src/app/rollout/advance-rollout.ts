import { GateDecision, WaveApprovalRecord, WaveCompliance, decideGate } from '../../core/rollout/gate';
import { ApprovalMethod, RolloutWave } from '../../core/rollout/rollout-policy';
import { RolloutState, RolloutStatus, recordEvent } from '../../core/rollout/rollout-state';
import { WaveMembership } from '../../core/rollout/waves';
import { windowVerdict } from '../../core/rollout/windows';
import { ClusterObservation } from '../promotion/compliance';
import { PublishResult, publishPlan } from '../publish/publish';
import { reviewOptions } from '../publish/review-options';
import { proposeRevert } from './revert-wave';
import { headBranch } from '../publish/host-target';
import { ownershipMarker } from '../publish/pull-request-text';
import { RolloutSession, readRollout, sessionHost, writeTracking } from './rollout-session';
import { decideFor, wavePublicationShape } from './wave-publication';
import { waveCompliance } from './wave-compliance';

/** What `kalypso rollout advance` did. */
export type AdvanceAction =
  /** A new change: its first wave proposed. */
  | 'started'
  /** The published wave's gate, or the change windows, keep the next wave waiting. */
  | 'waiting'
  /** The published wave passed: the next one proposed. */
  | 'proposed'
  /** The last wave passed: the environment is complete (and promoted further, when asked). */
  | 'complete'
  /** A wave failed its gate: the rollout stopped and a revert is proposed. */
  | 'failed'
  | 'paused'
  | 'aborted';

export interface AdvanceResult<P> {
  readonly environment: string;
  readonly action: AdvanceAction;
  /** The wave concerned (1-based) and its name. */
  readonly wave?: { readonly number: number; readonly name: string };
  readonly reason: string;
  /** The tracking file after the run, as the branch holds it or as the proposal carries it. */
  readonly state: RolloutState;
  /** How the published wave's clusters stand, when they were looked at. */
  readonly compliance?: WaveCompliance;
  /** The commit the tracking file was written in, when the run recorded something. */
  readonly recorded?: string;
  /** The wave's (or the revert's) publication, when one was proposed. */
  readonly publication?: PublishResult;
  /** What `onComplete` returned. */
  readonly promotion?: P;
}

export interface AdvanceOptions<P> {
  readonly now: Date;
  /** The clusters' observations of the branch's commit. */
  readonly observe: (commit: string) => Promise<ClusterObservation[]>;
  /** A cluster's cluster type when its observations do not say it (commit statuses). */
  readonly clusterTypeOf?: (cluster: string) => string | undefined;
  /** Run once the rollout is complete (also on later runs: it must be idempotent), e.g. the promotion further. */
  readonly onComplete?: () => Promise<P>;
}

/**
 * One step of an environment's rollout (docs/explanation/rollouts.md): a change the tracking file does not record
 * starts with its first wave; otherwise the published wave's gate is decided on the clusters' observations of the
 * branch's commit and the clock — failed: the rollout stops and a revert is proposed; waiting: the moment the wave first
 * met its quorum is recorded; passed: the next wave is proposed (inside the change windows), or after the last one the
 * rollout is complete. Every decision is made from the branch as read, and every write either lands on that same
 * commit or not at all, so a run killed anywhere is resumed by the next, and a run with nothing to do writes nothing.
 */
export async function advanceRollout<P>(
  session: RolloutSession,
  options: AdvanceOptions<P>,
): Promise<AdvanceResult<P>> {
  const { plan, rollout, environment } = session;
  const { now } = options;
  const { branch, state: stored } = await readRollout(session);
  const decision = decideFor(environment, rollout, plan, branch.commit, stored);
  const review = reviewOptions(session.destination, environment);
  const propose = (state: RolloutState) =>
    publishPlan(plan, session.destination.target, {
      ...review,
      shape: async () => wavePublicationShape(plan, rollout, state),
    });
  const waveOf = (state: RolloutState, index = state.wave) => ({
    number: index + 1,
    name: state.waves[index]?.name ?? `${index + 1}`,
  });
  const base = { environment: environment.name };

  if (decision.kind === 'start') {
    const publication = await propose(decision.state);
    return {
      ...base,
      action: 'started',
      wave: waveOf(decision.state),
      reason: stored
        ? 'a new change: its rollout starts with the first wave'
        : 'the rollout starts with the first wave',
      state: decision.state,
      publication,
    };
  }
  const state = decision.state;
  switch (state.status) {
    case RolloutStatus.PAUSED:
      return {
        ...base,
        action: 'paused',
        wave: waveOf(state),
        reason: 'paused; kalypso rollout resume continues',
        state,
      };
    case RolloutStatus.ABORTED:
      return {
        ...base,
        action: 'aborted',
        wave: waveOf(state),
        reason: 'aborted; a new change starts a new rollout',
        state,
      };
    case RolloutStatus.FAILED:
      return {
        ...base,
        action: 'failed',
        wave: waveOf(state),
        reason: lastDetail(state) ?? 'the wave failed',
        state,
        publication: await proposeRevert(session, state),
      };
    case RolloutStatus.COMPLETE:
      return {
        ...base,
        action: 'complete',
        wave: waveOf(state),
        reason: 'every wave passed',
        state,
        ...(options.onComplete ? { promotion: await options.onComplete() } : {}),
      };
    default:
      break;
  }

  const policyWave: RolloutWave = rollout.policy.waves[state.wave] ?? { name: state.waves[state.wave].name };
  const compliance = waveCompliance(
    await options.observe(branch.commit),
    state.waves[state.wave].clusterTypes,
    options.clusterTypeOf,
  );
  const reviews = await reviewApprovals(session, policyWave);
  const decided: GateDecision = decideGate({
    wave: policyWave,
    compliance,
    compliantSince: state.compliantSince ? new Date(state.compliantSince) : undefined,
    approvals: [...state.approvals.filter((approval) => approval.wave === state.wave), ...reviews.approvals],
    now,
  });
  const gate: GateDecision =
    decided.action === 'wait' && reviews.note ? { ...decided, reason: `${decided.reason}; ${reviews.note}` } : decided;
  const wave = waveOf(state);
  const record = (next: RolloutState, message: string) =>
    writeTracking(session, branch.commit, next, `Rollout of ${environment.name}: ${message}`);
  const withCompliance = (): RolloutState =>
    gate.action !== 'fail' && gate.compliantSince && !state.compliantSince
      ? recordEvent(state, now, 'compliant', { compliantSince: gate.compliantSince.toISOString() })
      : state;

  if (gate.action === 'fail') {
    const failed = recordEvent(state, now, 'failed', { status: RolloutStatus.FAILED }, gate.reason);
    const recorded = await record(failed, `wave ${wave.number} (${wave.name}) failed`);
    const publication = await proposeRevert(session, failed);
    return { ...base, action: 'failed', wave, reason: gate.reason, state: failed, compliance, recorded, publication };
  }
  const noted = withCompliance();
  const note = async () =>
    noted !== state ? await record(noted, `wave ${wave.number} (${wave.name}) is compliant`) : undefined;
  if (gate.action === 'wait') {
    const recorded = await note();
    return { ...base, action: 'waiting', wave, reason: gate.reason, state: noted, compliance, recorded };
  }
  const lastIndex = state.waves.length - 1;
  if (state.wave >= lastIndex) {
    const complete = recordEvent(noted, now, 'complete', { status: RolloutStatus.COMPLETE });
    const recorded = await record(complete, 'every wave passed');
    return {
      ...base,
      action: 'complete',
      wave,
      reason: gate.reason,
      state: complete,
      compliance,
      recorded,
      ...(options.onComplete ? { promotion: await options.onComplete() } : {}),
    };
  }
  const window = windowVerdict(rollout.policy.windows, now);
  if (!window.open) {
    const recorded = await note();
    const opens = window.opensAt ? `; opens at ${window.opensAt.toISOString()}` : '';
    return {
      ...base,
      action: 'waiting',
      wave,
      reason: `${gate.reason}; wave ${wave.number + 1} waits: ${window.reason}${opens}`,
      state: noted,
      compliance,
      recorded,
    };
  }
  const next: RolloutState = {
    ...withoutCompliantSince(state),
    wave: state.wave + 1,
    waves: nextMembership(state, rollout.plan.waves),
  };
  const publication = await propose(next);
  return {
    ...base,
    action: 'proposed',
    wave: waveOf(next),
    reason: gate.reason,
    state: next,
    compliance,
    publication,
  };
}

/**
 * The approving reviews of the wave's pull request (the newest merged one from `kalypso/<environment>`), when the wave
 * asks for them; a note instead when they cannot be read (a push, or a host whose reviews are not read).
 */
async function reviewApprovals(
  session: RolloutSession,
  wave: RolloutWave,
): Promise<{ approvals: WaveApprovalRecord[]; note?: string }> {
  if (wave.approval?.method !== ApprovalMethod.PULL_REQUEST_REVIEW) return { approvals: [] };
  const { destination, environment } = session;
  if (destination.mode !== 'pull-request')
    return { approvals: [], note: 'with --push there is no pull request to review' };
  const { host } = await sessionHost(session);
  if (!host.readApprovals) return { approvals: [], note: `reviews are not read from ${host.description}` };
  const approvals = await host.readApprovals({
    head: headBranch(environment.name),
    base: destination.branch,
    marker: ownershipMarker(environment.name),
  });
  return {
    approvals: approvals.map((approval) => ({
      method: ApprovalMethod.PULL_REQUEST_REVIEW,
      by: approval.by,
      at: approval.at,
    })),
  };
}

function withoutCompliantSince(state: RolloutState): RolloutState {
  const { compliantSince: _, ...rest } = state;
  return rest;
}

function lastDetail(state: RolloutState): string | undefined {
  return [...state.history].reverse().find((event) => event.detail)?.detail;
}

/**
 * The waves when the next one is published: membership as the policy decides it now, except that a cluster type
 * already rolled out stays in the wave it went out with (and out of later ones), so it is never rolled back.
 */
function nextMembership(state: RolloutState, current: readonly WaveMembership[]): WaveMembership[] {
  if (current.length !== state.waves.length) return [...state.waves];
  const out = new Set(state.waves.slice(0, state.wave + 1).flatMap((wave) => wave.clusterTypes));
  return current.map((wave, index) => ({
    name: wave.name,
    clusterTypes:
      index <= state.wave
        ? [...new Set([...state.waves[index].clusterTypes, ...wave.clusterTypes])].sort()
        : wave.clusterTypes.filter((clusterType) => !out.has(clusterType)),
  }));
}
