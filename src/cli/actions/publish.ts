import {
  PublishedEnvironment,
  checkPublishOptions,
  planPublication,
  publishJson,
  publishPlanned,
} from '../../app/publish/publish-environments';
import { GitHubAccess, githubApi } from '../../app/setup/github-access';
import { gitServices } from '../../app/setup/git-services';
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
  const api = githubApi(flags.githubApiUrl);
  const git = gitServices(io.env, { cache: options.cache, githubOrigin: api.githubOrigin });
  const github = new GitHubAccess(api, git.token, services.createGitHubClient);

  const result = await runPipelineShowingProgress(options, io, git);
  const publication = await planPublication(result, {
    ...publishOptions,
    dryRun: flags.dryRun,
    cwd: io.cwd,
    git,
    github,
  });
  const failed = publication.problems.some(isError);
  if (!failed && !options.json) io.stderr(formatProblems(publication.problems));
  const published = await publishPlanned(result, publication, {
    git,
    dryRun: flags.dryRun,
    onPublished: (environment) => {
      if (!options.json) io.stdout(describe(environment, flags.dryRun));
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
        : `as a pull request from ${destination.head}`;
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
    case 'pull-request':
      switch (outcome.action) {
        case 'none':
          return `${environment}: nothing to publish: ${where} already equals the plan\n`;
        case 'created':
          return `${environment}: opened pull request #${outcome.number} into ${destination.branch}: ${outcome.url} (${counts})\n`;
        case 'updated':
          return `${environment}: updated pull request #${outcome.number}: ${outcome.url} (${counts})\n`;
        case 'unchanged':
          return `${environment}: pull request #${outcome.number} already proposes this: ${outcome.url}\n`;
        case 'closed':
          return `${environment}: closed pull request #${outcome.number}: ${where} already equals the plan\n`;
      }
      break;
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
