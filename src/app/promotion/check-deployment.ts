import { ComplianceVerdict } from './compliance';
import { ComplianceSource } from './compliance-source';
import { PlatformCommit } from './flux-kustomizations';
import { PromotionResult } from './promote';
import { PromotionStep } from './status-contract';
import { StatusBoard } from './status-board';
import { StatusOutcome, updateStatus } from './update-status';
import { WaitOptions, waitForCompliance } from './wait-for-compliance';

export interface CheckDeploymentProps {
  readonly environment: string;
  /** The platform GitOps commit the clusters must apply. */
  readonly target: PlatformCommit;
  /** The `main` commit that commit was built from, when it was promoted: it gets the statuses and moves on. */
  readonly promoted?: string;
  readonly sources: readonly ComplianceSource[];
  readonly wait: WaitOptions;
  /** Where the statuses go; none when skipped. */
  readonly statuses?: StatusBoard;
  /** The environment that follows, if any. */
  readonly next?: string;
  /** Promotes `promoted` to `next`; called only after success. */
  readonly promoteNext?: (environment: string, commit: string) => Promise<PromotionResult>;
  /**
   * The environment rolls out in waves and its rollout is not complete: clusters applying the branch do not mean the
   * promoted commit is deployed (the waves not reached yet still hold what was there before), so it stays `Deploying`
   * and nothing is promoted — the rollout does that after its last wave (docs/explanation/rollouts.md). A failure is
   * still a failure.
   * @default false
   */
  readonly rolloutUnfinished?: boolean;
}

export interface CheckDeploymentResult {
  readonly environment: string;
  readonly target: PlatformCommit;
  readonly promoted?: string;
  readonly outcome: 'compliant' | 'failed' | 'timed-out';
  readonly verdict: ComplianceVerdict;
  /** How many times the clusters were observed. */
  readonly observations: number;
  /** The final status set on the promoted commit (`null` when nothing was promoted). */
  readonly status: StatusOutcome | null;
  readonly next: string | null;
  /** The promotion to `next`, after success. */
  readonly promotion: PromotionResult | null;
  /** Present (true) when the environment's rollout in waves was not complete: nothing was marked deployed. */
  readonly rolloutUnfinished?: true;
}

/**
 * Waits until every cluster of the environment applied the platform GitOps commit (what upstream Kalypso's check-promote workflow does):
 * `pending` / `Deploying` on the promoted commit, then `pending` / `Deployed` and the promotion to the next
 * environment, or `success` / `Deployed` for the last one, or `failure` / `Failed to deploy` when a cluster failed
 * or time ran out (and nothing is promoted). Without a promoted commit (a change of the environment's branch only)
 * it only waits; during an unfinished rollout in waves, a compliant environment leaves the commit `Deploying`.
 */
export async function checkDeployment(props: CheckDeploymentProps): Promise<CheckDeploymentResult> {
  const { environment, promoted, statuses } = props;
  if (promoted) await updateStatus(statuses, promoted, PromotionStep.DEPLOYING, environment);
  const waited = await waitForCompliance(props.sources, props.wait);
  const next = props.next ?? null;
  let status: StatusOutcome | null = null;
  let promotion: PromotionResult | null = null;
  if (waited.outcome === 'compliant') {
    if (promoted && props.rolloutUnfinished) {
      status = await updateStatus(statuses, promoted, PromotionStep.DEPLOYING, environment);
    } else if (promoted) {
      status = await updateStatus(
        statuses,
        promoted,
        next ? PromotionStep.DEPLOYED : PromotionStep.DEPLOYED_LAST,
        environment,
      );
      if (next && props.promoteNext) promotion = await props.promoteNext(next, promoted);
    }
  } else if (promoted) {
    status = await updateStatus(statuses, promoted, PromotionStep.FAILED, environment);
  }
  return {
    environment,
    target: props.target,
    ...(promoted ? { promoted } : {}),
    outcome: waited.outcome,
    verdict: waited.verdict,
    observations: waited.observations,
    status,
    next,
    promotion,
    ...(props.rolloutUnfinished ? { rolloutUnfinished: true as const } : {}),
  };
}
