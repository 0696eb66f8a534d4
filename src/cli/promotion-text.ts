import { ClusterState } from '../app/promotion/compliance';
import { CheckDeploymentResult } from '../app/promotion/check-deployment';
import { PromotionResult } from '../app/promotion/promote';
import { StatusOutcome } from '../app/promotion/update-status';

const short = (commit: string) => commit.slice(0, 12);

/** What a promotion did, in lines for people. */
export function describePromotion(result: PromotionResult, writer: string): string {
  const { environment, commit, branch, file } = result;
  const lines = [
    result.action === 'written'
      ? `${environment}: promoted main ${short(commit)}: wrote ${file} on ${writer}${result.branchCommit ? ` (${short(result.branchCommit)})` : ''}`
      : `${environment}: branch ${branch} already pins main ${short(commit)}; nothing written`,
  ];
  const status = describeStatus(result.status);
  if (status) lines.push(`${environment}: ${status}`);
  return `${lines.join('\n')}\n`;
}

/** A status outcome for people, or '' when statuses are skipped. */
export function describeStatus(outcome: StatusOutcome | null): string {
  if (!outcome || outcome.action === 'skipped') return '';
  const { status, repository, commit } = outcome;
  const what = `status "${status.context}" ${status.state} ${JSON.stringify(status.description)}`;
  return outcome.action === 'set'
    ? `set ${what} on ${short(commit)} in ${repository}`
    : `${what} already on ${short(commit)} in ${repository}`;
}

/** How a check ended, for people. */
export function describeCheck(result: CheckDeploymentResult, timeout: string): string {
  const { environment, target, verdict } = result;
  const failedClusters = verdict.clusters.filter((cluster) => cluster.state === ClusterState.FAILED);
  const pendingClusters = verdict.clusters.filter((cluster) => cluster.state === ClusterState.PENDING);
  const count = `${verdict.compliant} of ${verdict.total} cluster${verdict.total === 1 ? '' : 's'} compliant`;
  const lines: string[] = [];
  switch (result.outcome) {
    case 'compliant':
      lines.push(`${environment}: every cluster applied ${target.branch}@${short(target.commit)} (${count})`);
      break;
    case 'failed':
      lines.push(`${environment}: ${target.branch}@${short(target.commit)} failed to deploy (${count})`);
      for (const cluster of failedClusters) lines.push(`  ${cluster.cluster}: ${cluster.reasons.join('; ')}`);
      break;
    case 'timed-out':
      lines.push(`${environment}: ${target.branch}@${short(target.commit)} not deployed after ${timeout} (${count})`);
      for (const cluster of pendingClusters) lines.push(`  ${cluster.cluster}: ${cluster.reasons.join('; ')}`);
      break;
  }
  const status = describeStatus(result.status);
  if (status) lines.push(`${environment}: ${status}`);
  if (result.outcome === 'compliant' && result.promoted && !result.next && !result.rolloutUnfinished)
    lines.push(`${environment}: the last environment; promotion of main ${short(result.promoted)} is complete`);
  return `${lines.join('\n')}\n`;
}
