import { ComplianceVerdict } from './compliance';
import { CheckDeploymentResult } from './check-deployment';
import { PromotionResult } from './promote';
import { StatusOutcome } from './update-status';

/** A promotion in `--json` output (README, "JSON output"). */
export function promotionJson(result: PromotionResult) {
  return {
    name: result.environment,
    commit: result.commit,
    branch: result.branch,
    file: result.file,
    action: result.action,
    branchCommit: result.branchCommit ?? null,
    previousCommit: result.previousCommit ?? null,
    status: statusJson(result.status),
  };
}

/** A status outcome in `--json` output. */
export function statusJson(outcome: StatusOutcome | null) {
  if (!outcome) return null;
  if (outcome.action === 'skipped')
    return { action: 'skipped', repository: null, commit: null, context: null, state: null, description: null };
  const { action, repository, commit, status } = outcome;
  return { action, repository, commit, context: status.context, state: status.state, description: status.description };
}

/** A check in `--json` output. */
export function checkJson(result: CheckDeploymentResult) {
  return {
    deployed: result.outcome === 'compliant',
    environment: result.environment,
    repo: result.target.repo,
    branch: result.target.branch,
    commit: result.target.commit,
    promoted: result.promoted ?? null,
    outcome: result.outcome,
    ...verdictJson(result.verdict),
    observations: result.observations,
    status: statusJson(result.status),
    next: result.next,
    promotion: result.promotion ? promotionJson(result.promotion) : null,
  };
}

function verdictJson(verdict: ComplianceVerdict) {
  return {
    compliant: verdict.compliant,
    total: verdict.total,
    clusters: verdict.clusters.map((cluster) => ({
      name: cluster.cluster,
      state: cluster.state,
      reasons: cluster.reasons,
    })),
  };
}
