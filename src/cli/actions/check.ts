import { UsageError } from '../../app/errors';
import { checkEnvironment, checkEnvironmentJson } from '../../app/promotion/check-environment';
import { ComplianceVerdict, describeCompliance } from '../../app/promotion/compliance';
import { parseDuration } from '../../core/model/duration';
import { fullCommitId } from '../../app/promotion/promotion-context';
import { CommandAction } from '../command';
import type { CHECK_FLAGS } from '../commands/check';
import { ExitCode } from '../exit';
import { openPromotion } from '../promotion';
import { describeCheck, describePromotion } from '../promotion-text';
import { printJson, reportInputProblems } from '../report';

export const runCheck: CommandAction<typeof CHECK_FLAGS> = async ({ flags }, context) => {
  const { io, services } = context;
  const commit = fullCommitId(flags.commit, '--commit');
  const promoted = flags.promoted ? fullCommitId(flags.promoted, '--promoted') : undefined;
  const timeoutMs = durationFlag(flags.timeout, '--timeout');
  const intervalMs = durationFlag(flags.interval, '--interval');
  if (intervalMs <= 0) throw new UsageError('--interval must be longer than 0');
  if (flags.context.length > 0 && flags.kubeconfig === undefined) throw new UsageError('--context needs --kubeconfig');
  if (flags.kubeconfig === undefined && flags.expectCluster.length === 0) {
    throw new UsageError(
      "no compliance source: give --kubeconfig (and --context) to ask the clusters, or --expect-cluster to read Flux's commit statuses",
    );
  }
  const promotion = await openPromotion('check', flags, context);

  let last = '';
  const environment = flags.env;
  const onVerdict = (verdict: ComplianceVerdict) => {
    const line = describeCompliance(verdict);
    if (line !== last && !flags.quiet) io.stderr(`kalypso check: ${environment}: ${line}\n`);
    last = line;
  };
  const result = await checkEnvironment(promotion, {
    environment,
    commit,
    promoted,
    next: flags.next,
    repo: flags.repo,
    branch: flags.branch,
    cwd: io.cwd,
    kubeconfig: flags.kubeconfig,
    contexts: flags.context,
    namespace: flags.namespace,
    expectClusters: flags.expectCluster,
    wait: { timeoutMs, intervalMs, clock: services.clock, onVerdict },
  });
  if (!result.check)
    return reportInputProblems(io, result.problems, {
      json: flags.json ? checkEnvironmentJson(result) : undefined,
      nothing: 'promoted',
    });
  if (flags.json) {
    printJson(io, checkEnvironmentJson(result));
  } else {
    io.stdout(describeCheck(result.check, flags.timeout));
    if (result.check.promotion && result.nextWriter) {
      io.stdout(describePromotion(result.check.promotion, result.nextWriter));
    }
    if (result.rollout) {
      const { status, wave, waves } = result.rollout;
      const after = result.check.next
        ? `kalypso rollout advance promotes to ${result.check.next} after the last wave`
        : 'the commit is deployed once its last wave passed';
      io.stdout(`${environment}: rolling out in waves (wave ${wave} of ${waves}, ${status}); ${after}\n`);
    }
  }
  return result.check.outcome === 'compliant' ? ExitCode.SUCCESS : ExitCode.NOT_DEPLOYED;
};

function durationFlag(text: string, flag: string): number {
  const ms = parseDuration(text);
  if (ms === undefined)
    throw new UsageError(`${flag} takes a duration such as 30s, 10m or 1h, got ${JSON.stringify(text)}`);
  return ms;
}
