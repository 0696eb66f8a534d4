import {
  PublishedEnvironment,
  checkPublishOptions,
  planPublication,
  publishJson,
  publishPlanned,
} from '../../app/publish/publish-environments';
import { requestName, requestNoun } from '../../app/publish/host-target';
import { hostServices } from '../../app/setup/host-services';
import { isError } from '../../core/model/problems';
import { CommandAction } from '../command';
import type { PUBLISH_FLAGS } from '../commands/publish';
import { ExitCode } from '../exit';
import { controlPlaneOptions } from '../options';
import { runPipelineShowingProgress } from '../pipeline';
import { formatProblems, printJson, reportInputProblems } from '../report';

export const runPublish: CommandAction<typeof PUBLISH_FLAGS> = async ({ flags }, { io, services }) => {
  const options = controlPlaneOptions(flags, io.cwd);
  const publishOptions = { push: flags.push, direct: flags.direct, repo: flags.repo, branch: flags.branch };
  checkPublishOptions(publishOptions, options.environments);
  const { git, github, hosts } = hostServices(flags, io.env, {
    cache: options.cache,
    createGitHubClient: services.createGitHubClient,
    createPullRequestHost: services.createPullRequestHost,
  });

  const result = await runPipelineShowingProgress(options, io, git);
  const publication = await planPublication(result, {
    ...publishOptions,
    dryRun: flags.dryRun,
    cwd: io.cwd,
    git,
    github,
    hosts,
  });
  const failed = publication.problems.some(isError);
  if (!failed && !options.json) io.stderr(formatProblems(publication.problems));
  const published = await publishPlanned(result, publication, {
    git,
    dryRun: flags.dryRun,
    onPublished: (environment) => {
      const ignored = environment.result.proposal.ignoredRecord;
      if (ignored && !options.json)
        io.stderr(`kalypso publish: ${environment.environment}: ${ignored}; compared with the branch's tree alone\n`);
      if (options.json) return;
      io.stdout(describe(environment, flags.dryRun));
      const { fullReport } = environment.result.proposal;
      if (fullReport && !flags.dryRun && wrote(environment))
        io.stdout(
          `${environment.environment}: the description folds detail; the full report is ${fullReport} on ${environment.destination.head}\n`,
        );
    },
  });
  if (failed) {
    return reportInputProblems(io, published.problems, {
      json: options.json ? publishJson(published) : undefined,
      nothing: 'published',
    });
  }
  if (options.json) printJson(io, publishJson(published));
  return ExitCode.SUCCESS;
};

function describe({ environment, destination, result }: PublishedEnvironment, dryRun: boolean): string {
  const { proposal, outcome } = result;
  const { added, changed, deleted } = proposal.changes;
  const counts = `${added.length} added, ${changed.length} changed, ${deleted.length} deleted`;
  const where = `${destination.repo} branch ${destination.branch}`;
  if (dryRun) {
    const empty = added.length + changed.length + deleted.length === 0;
    if (empty) return `${environment}: nothing to publish: ${where} already equals the plan (dry run)\n`;
    const how =
      destination.mode === 'push'
        ? `with git push to ${destination.head}`
        : `as a ${requestNoun(destination.host)} from ${destination.head}`;
    return [
      `${environment}: would publish to ${where} ${how} (${counts}; dry run, nothing changed)`,
      ...added.map((file) => `  add     ${file}`),
      ...changed.map((file) => `  change  ${file}`),
      ...deleted.map((file) => `  delete  ${file}`),
      '',
      `Title: ${proposal.title}`,
      '',
      proposal.body,
    ].join('\n');
  }
  switch (outcome.kind) {
    case 'pull-request': {
      if (outcome.action === 'none') return `${environment}: nothing to publish: ${where} already equals the plan\n`;
      if (destination.mode !== 'pull-request') break;
      const request = requestName(destination.host, outcome.number);
      switch (outcome.action) {
        case 'created':
          return `${environment}: opened ${request} into ${destination.branch}: ${outcome.url} (${counts})\n`;
        case 'updated':
          return `${environment}: updated ${request}: ${outcome.url} (${counts})\n`;
        case 'unchanged':
          return `${environment}: ${request} already proposes this: ${outcome.url}\n`;
        case 'closed':
          return `${environment}: closed ${request}: ${where} already equals the plan\n`;
      }
      break;
    }
    case 'push':
      switch (outcome.action) {
        case 'none':
          return `${environment}: nothing to publish: ${where} already equals the plan\n`;
        case 'up-to-date':
          return `${environment}: ${outcome.branch} of ${destination.repo} already holds this change\n`;
        case 'pushed':
          return `${environment}: pushed ${outcome.commit?.slice(0, 12)} to ${outcome.branch} of ${destination.repo} (${counts})\n`;
      }
      break;
    case 'dry-run':
      break;
  }
  return '';
}

/** Whether publishing wrote a commit (and with it the full report). */
function wrote({ result: { outcome } }: PublishedEnvironment): boolean {
  if (outcome.kind === 'pull-request') return outcome.action === 'created' || outcome.action === 'updated';
  return outcome.kind === 'push' && outcome.action === 'pushed';
}
