import { AdvanceResult } from '../app/rollout/advance-rollout';
import { RolloutStatusReport } from '../app/rollout/rollout-commands';
import { RolloutSession } from '../app/rollout/rollout-session';
import { PublishResult } from '../app/publish/publish';
import { RolloutStatus } from '../core/rollout/rollout-state';

const short = (commit: string) => commit.slice(0, 12);

/** What a wave's (or a revert's) publication did, in a few words. */
export function describePublicationOutcome({ proposal, outcome }: PublishResult): string {
  const { added, changed, deleted } = proposal.changes;
  const counts = `${added.length} added, ${changed.length} changed, ${deleted.length} deleted`;
  switch (outcome.kind) {
    case 'push':
      if (outcome.action === 'pushed') return `pushed ${short(outcome.commit ?? '')} to ${outcome.branch} (${counts})`;
      if (outcome.action === 'up-to-date') return `${outcome.branch} already holds it`;
      return 'the branch already holds it';
    case 'pull-request':
      if (outcome.action === 'none') return 'the branch already holds it';
      if (outcome.action === 'closed') return `closed request #${outcome.number}: the branch already holds it`;
      return `${outcome.action === 'unchanged' ? 'request already open' : `${outcome.action} request`} #${outcome.number}: ${outcome.url}`;
    default:
      return 'dry run';
  }
}

/** What `rollout advance` did, for people. */
export function describeAdvance(advanced: AdvanceResult<unknown>, session: RolloutSession): string {
  const { environment, action, wave, reason, state } = advanced;
  const count = state.waves.length;
  const name = wave ? `wave ${wave.number} of ${count} (${wave.name})` : 'the rollout';
  const lines: string[] = [];
  // A proposed wave names the next one; its compliance is the previous wave's.
  const judged =
    action === 'proposed' && wave
      ? `wave ${wave.number - 1} of ${count} (${state.waves[wave.number - 2]?.name ?? wave.number - 1})`
      : name;
  if (advanced.compliance) lines.push(`${environment}: ${judged}: ${advanced.compliance.summary}`);
  const published = advanced.publication ? describePublicationOutcome(advanced.publication) : '';
  const recorded = advanced.recorded ? ` (recorded in ${session.destination.branch} ${short(advanced.recorded)})` : '';
  switch (action) {
    case 'started':
      lines.push(`${environment}: ${name} proposed, a new rollout: ${published}`);
      break;
    case 'proposed':
      lines.push(`${environment}: ${reason}; ${name} proposed: ${published}`);
      break;
    case 'waiting':
      lines.push(`${environment}: waiting: ${reason}${recorded}`);
      break;
    case 'complete':
      lines.push(`${environment}: rollout complete: ${reason}${recorded}`);
      break;
    case 'failed':
      lines.push(`${environment}: ${name} failed: ${reason}${recorded}`);
      lines.push(`${environment}: revert of the waves already out proposed: ${published}`);
      break;
    default:
      lines.push(
        `${environment}: ${state.status === RolloutStatus.PAUSED ? 'paused' : 'aborted'} at ${name}: ${reason}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

/** `kalypso rollout status`, for people. */
export function describeRolloutStatus(report: RolloutStatusReport): string {
  const lines = [`${report.environment}: RolloutPolicy ${report.policy}, ${report.repo} branch ${report.branch}`];
  const state = report.state;
  if (state) {
    lines.push(
      `  rollout: ${state.status}, wave ${state.wave + 1} of ${state.waves.length} (${state.waves[state.wave].name})${report.current ? '' : ' — of an earlier change'}`,
    );
    state.waves.forEach((wave, index) => {
      const mark = index < state.wave ? 'out' : index === state.wave ? 'published' : 'waiting';
      lines.push(`  wave ${index + 1}  ${wave.name}: ${wave.clusterTypes.join(', ') || '(no cluster type)'} — ${mark}`);
    });
    if (state.compliantSince) lines.push(`  compliant since ${state.compliantSince}`);
    for (const approval of state.approvals.filter((a) => a.wave === state.wave))
      lines.push(`  approved by ${approval.by} at ${approval.at}`);
  } else {
    lines.push('  rollout: none recorded');
  }
  const opens = report.window.opensAt ? `; opens at ${report.window.opensAt}` : '';
  lines.push(`  change windows: ${report.window.open ? 'open' : 'closed'} now, ${report.window.reason}${opens}`);
  lines.push(`  next: ${report.next}`);
  return `${lines.join('\n')}\n`;
}
