import { UsageError } from '../../app/errors';
import { PromotionContext, fullCommitId } from '../../app/promotion/promotion-context';
import { promoteJson } from '../../app/promotion/promote-environment';
import { PublishResult } from '../../app/publish/publish';
import { checkPublishOptions, planPublication } from '../../app/publish/publish-environments';
import { AdvanceResult, advanceRollout } from '../../app/rollout/advance-rollout';
import { RolloutPromotion, promoteAfterRollout } from '../../app/rollout/promote-after-rollout';
import { RolloutCommand, changeRollout, rolloutStatus } from '../../app/rollout/rollout-commands';
import { RolloutSession, rolloutSession } from '../../app/rollout/rollout-session';
import { rolloutObservers } from '../../app/rollout/rollout-sources';
import { hostServices } from '../../app/setup/host-services';
import { isError } from '../../core/model/problems';
import { CommandAction } from '../command';
import { ROLLOUT_ACTIONS, type ROLLOUT_FLAGS } from '../commands/rollout';
import { ExitCode } from '../exit';
import { controlPlaneOptions } from '../options';
import { runPipelineShowingProgress } from '../pipeline';
import { describePromotion } from '../promotion-text';
import { printJson, reportInputProblems } from '../report';
import { describeRolloutStatus, describeAdvance, describePublicationOutcome } from '../rollout-text';

export const runRollout: CommandAction<typeof ROLLOUT_FLAGS> = async ({ flags, positionals }, context) => {
  const { io } = context;
  const action = positionals[0];
  if (positionals.length !== 1 || !(ROLLOUT_ACTIONS as readonly string[]).includes(action ?? '')) {
    throw new UsageError(
      `kalypso rollout takes one action: ${ROLLOUT_ACTIONS.join(', ')}${positionals.length > 0 ? `; got ${positionals.map((p) => JSON.stringify(p)).join(' ')}` : ''}`,
    );
  }
  const now = flags.now === undefined ? new Date() : parseNow(flags.now);
  const options = controlPlaneOptions({ ...flags, env: [flags.env] }, io.cwd);
  const publishOptions = { push: flags.push, direct: flags.direct, repo: flags.repo, branch: flags.branch };
  checkPublishOptions(publishOptions, options.environments);
  const { git, github, hosts } = hostServices(flags, io.env, {
    cache: options.cache,
    createGitHubClient: context.services.createGitHubClient,
    createPullRequestHost: context.services.createPullRequestHost,
  });
  const result = await runPipelineShowingProgress(options, io, git);
  const publication = await planPublication(result, { ...publishOptions, cwd: io.cwd, git, github, hosts });
  if (publication.problems.some(isError)) {
    return reportInputProblems(io, publication.problems, {
      json: flags.json ? { environment: flags.env, problems: publication.problems } : undefined,
      nothing: 'rolled out',
    });
  }
  const session = rolloutSession(result, publication, flags.env, { git, hosts });

  if (action === 'status') {
    const report = await rolloutStatus(session, now);
    if (flags.json) printJson(io, report);
    else io.stdout(describeRolloutStatus(report));
    return ExitCode.SUCCESS;
  }
  if (action !== 'advance') {
    const by = flags.by ?? io.env?.GITHUB_ACTOR ?? io.env?.USER;
    const change = await changeRollout(session, action as RolloutCommand, { now, by });
    if (flags.json) printJson(io, change);
    else {
      const wave = `wave ${change.state.wave + 1} (${change.state.waves[change.state.wave].name})`;
      const what = change.changed
        ? `${action === 'approve' ? `approved ${wave} by ${by}` : `${change.state.status} at ${wave}`}: recorded in ${session.destination.repo} branch ${session.destination.branch}${change.recorded ? ` (${change.recorded.slice(0, 12)})` : ''}`
        : `already ${action === 'approve' ? `approved by ${by}` : change.state.status}; nothing written`;
      io.stdout(`${change.environment}: ${what}\n`);
    }
    return ExitCode.SUCCESS;
  }

  const observers = rolloutObservers(session, {
    cwd: io.cwd,
    kubeconfig: flags.kubeconfig,
    contexts: flags.context,
    namespace: flags.namespace,
    expectClusters: flags.expectCluster,
  });
  const promoted = flags.promoted ? fullCommitId(flags.promoted, '--promoted') : undefined;
  const advanced = await advanceRollout<RolloutPromotion>(session, {
    now,
    ...observers,
    onComplete: promoted
      ? async () => {
          const promotion = await PromotionContext.open(
            { controlPlane: options.controlPlane, push: flags.push, noStatus: flags.noStatus },
            git,
            hosts,
            (text) => {
              if (!flags.quiet) io.stderr(`kalypso rollout: ${text}\n`);
            },
          );
          return promoteAfterRollout(promotion, {
            environment: flags.env,
            promoted,
            rolledOut: session.plan.promotedCommit,
            next: flags.next,
          });
        }
      : undefined,
  });
  if (flags.json) printJson(io, advanceJson(advanced, session));
  else io.stdout(describeAdvance(advanced, session) + describePromotionOf(advanced));
  return advanced.action === 'failed' ? ExitCode.NOT_DEPLOYED : ExitCode.SUCCESS;
};

function parseNow(text: string): Date {
  const ms = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(ms))
    throw new UsageError(`--now takes an ISO 8601 time with its offset, e.g. 2026-05-04T10:00:00Z; got ${text}`);
  return new Date(ms);
}

function describePromotionOf(advanced: AdvanceResult<RolloutPromotion>): string {
  const promotion = advanced.promotion;
  if (!promotion) return '';
  switch (promotion.kind) {
    case 'last':
      return `${advanced.environment}: the last environment; the promotion is complete\n`;
    case 'other-commit':
      return `${advanced.environment}: the rollout carried main ${promotion.rolledOut?.slice(0, 12) ?? '(none)'}, not --promoted; nothing promoted\n`;
    default: {
      const { result } = promotion;
      if (result.promotion && result.writer) return describePromotion(result.promotion, result.writer);
      return result.problems.map((problem) => `${promotion.next}: ${problem.message}\n`).join('');
    }
  }
}

function publicationJson(publication: PublishResult | undefined) {
  if (!publication) return null;
  const { proposal, outcome } = publication;
  return {
    changes: { added: proposal.changes.added, changed: proposal.changes.changed, deleted: proposal.changes.deleted },
    title: proposal.title,
    outcome,
  };
}

/** `kalypso rollout advance --json`. */
function advanceJson(advanced: AdvanceResult<RolloutPromotion>, session: RolloutSession) {
  const promotion = advanced.promotion;
  return {
    environment: advanced.environment,
    repo: session.destination.repo,
    branch: session.destination.branch,
    action: advanced.action,
    wave: advanced.wave ?? null,
    reason: advanced.reason,
    compliance: advanced.compliance ?? null,
    recorded: advanced.recorded ?? null,
    publication: publicationJson(advanced.publication),
    publicationText: advanced.publication ? describePublicationOutcome(advanced.publication) : null,
    rollout: advanced.state,
    promotion: !promotion
      ? null
      : promotion.kind === 'promoted'
        ? { kind: promotion.kind, next: promotion.next, ...promoteJson(promotion.result) }
        : promotion,
  };
}
