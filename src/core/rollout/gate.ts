import { parseDuration } from '../model/duration';
import { parsePercentage } from '../model/units';
import { ApprovalMethod, RolloutWave } from './rollout-policy';

/** How the clusters of one wave stand on the commit that rolled the wave out. */
export interface WaveCompliance {
  readonly compliant: number;
  readonly failed: number;
  /** Clusters of the wave observed. */
  readonly total: number;
  /** One line on what the clusters report, for messages. */
  readonly summary: string;
}

/** An approval of a wave: a review of its pull request, or `kalypso rollout approve`. */
export interface WaveApprovalRecord {
  readonly method: ApprovalMethod;
  readonly by: string;
  /** ISO 8601. */
  readonly at: string;
}

export interface GateInput {
  readonly wave: RolloutWave;
  readonly compliance: WaveCompliance;
  /** When the wave first met its quorum (from the tracking file); undefined when it has not yet. */
  readonly compliantSince?: Date;
  readonly approvals: readonly WaveApprovalRecord[];
  readonly now: Date;
}

/** What to do with a wave: wait (and why), let the next one start, or stop the rollout. */
export type GateDecision =
  | { readonly action: 'wait'; readonly reason: string; readonly compliantSince?: Date }
  | { readonly action: 'pass'; readonly reason: string; readonly compliantSince: Date }
  | { readonly action: 'fail'; readonly reason: string };

/**
 * Decides a wave's gate (pure): more failed clusters than `maxFailures` fail it; until its quorum is compliant it
 * waits; then it bakes for `bakeTime` from the moment it first met its quorum; then it waits for its approval; then
 * it passes. Change windows are the caller's: they decide when the next wave may start, not whether this one passed.
 */
export function decideGate(input: GateInput): GateDecision {
  const { wave, compliance, now } = input;
  const maxFailures = wave.maxFailures ?? 0;
  if (compliance.failed > maxFailures) {
    return {
      action: 'fail',
      reason: `${compliance.failed} cluster${compliance.failed === 1 ? '' : 's'} of wave "${wave.name}" failed (at most ${maxFailures} may): ${compliance.summary}`,
    };
  }
  const quorum = parsePercentage(wave.quorum ?? '100%') ?? 1;
  if (compliance.total === 0 || compliance.compliant < Math.ceil(quorum * compliance.total)) {
    const needed = compliance.total === 0 ? 'no cluster of the wave has reported yet' : compliance.summary;
    return { action: 'wait', reason: `wave "${wave.name}": ${needed} (quorum ${wave.quorum ?? '100%'})` };
  }
  const compliantSince = input.compliantSince ?? now;
  const bakeMs = wave.bakeTime === undefined ? 0 : (parseDuration(wave.bakeTime) ?? 0);
  const baked = now.getTime() - compliantSince.getTime();
  if (baked < bakeMs) {
    return {
      action: 'wait',
      reason: `wave "${wave.name}" is baking: ${formatMinutes(baked)} of ${wave.bakeTime} since it was compliant`,
      compliantSince,
    };
  }
  if (wave.approval) {
    const approvers = wave.approval.approvers;
    const approval = input.approvals.find(
      (record) => record.method === wave.approval!.method && (!approvers || approvers.includes(record.by)),
    );
    if (!approval) {
      const who = approvers ? ` by ${approvers.join(' or ')}` : '';
      const how =
        wave.approval.method === ApprovalMethod.COMMAND
          ? `kalypso rollout approve`
          : `an approving review of the wave's pull request`;
      return { action: 'wait', reason: `wave "${wave.name}" waits for approval${who} (${how})`, compliantSince };
    }
    return {
      action: 'pass',
      reason: `wave "${wave.name}" is compliant, baked and approved by ${approval.by}`,
      compliantSince,
    };
  }
  return { action: 'pass', reason: `wave "${wave.name}" is compliant and baked`, compliantSince };
}

function formatMinutes(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  return minutes >= 60 ? `${Math.floor(minutes / 60)}h${minutes % 60}m` : `${minutes}m`;
}
