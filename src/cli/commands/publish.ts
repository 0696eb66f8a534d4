import type { Octokit } from '@octokit/rest' with { 'resolution-mode': 'import' };
import * as path from 'path';
import { RepositoryKind, branchNameProblem, classifyRepository, gitOpsRepoProblem } from '../../io/git/git-refs';
import { GitError } from '../../io/git/git-runner';
import { createGitHubClient } from '../../io/github/github-client';
import { GitHubError } from '../../io/github/github-error';
import { parseGitHubRepository } from '../../io/github/repository-url';
import { Problem, error, isError, sortProblems } from '../../core/model/problems';
import { EnvironmentPlan } from '../../core/plan/plan';
import { explainEnvironment } from '../../app/explain';
import { GitHubTarget, headBranch } from '../../app/publish/github-target';
import { assignmentMatrixSection } from '../../app/publish/pull-request-text';
import { GitTarget } from '../../app/publish/git-target';
import { PublishResult, PublishTarget, publishPlan } from '../../app/publish/publish';
import { GitServices, gitServices } from '../control-plane';
import { runPipeline } from '../run-pipeline';
import { ExitCode, UsageError } from '../exit';
import { GitHubServices, githubApi } from '../github-access';
import { CliIO } from '../io';
import { CONTROL_PLANE_FLAGS, CONTROL_PLANE_HELP, controlPlaneOptions, parseFlags } from '../options';
import { formatProblems, printJson, problemJson, reportInputProblems } from '../report';

export const PUBLISH_HELP = `Usage: kalypso publish [options]

Publishes each environment's platform GitOps tree to its GitOpsRepo (repo, branch; always at the repository root):
as a pull request on GitHub from the branch kalypso/<environment> (the default for GitHub repositories), or with
git push to any host or a local repository (--push). The change makes the cluster-type folders and
.github/tracking/Promoted_Commit_Id equal the plan — added, changed and stale files — and leaves everything else in
the repository alone. Nothing is published when the input has errors, and nothing happens when nothing changed.

Options:
${CONTROL_PLANE_HELP}
      --push                 publish with git push instead of a GitHub pull request (any host, or a local path)
      --direct               with --push: push onto the GitOpsRepo branch itself instead of kalypso/<environment>
      --dry-run              print the files that would change and the pull-request text; change nothing
      --github-api-url URL   the GitHub API, for GitHub Enterprise Server (https://<host>/api/v3)
                             [default: https://api.github.com]
      --repo URL             publish to this repository instead of the GitOpsRepo's (one --env only)
      --branch NAME          publish to this branch instead of the GitOpsRepo's (one --env only)

Environment:
  GITHUB_TOKEN               token for the GitHub API and for git over https to the GitHub host; never printed

The pull request: title "Update manifests in <environment>", a body summarising the assignments, config keys and
promoted commit that changed, label "promoted" when the promoted commit changes. The tool only ever updates or
closes its own pull request (from kalypso/<environment>, marked in its body); it closes it when the branch already
equals the plan.

Examples:
  GITHUB_TOKEN=… kalypso publish -c https://github.com/org/control-plane --env dev
  kalypso publish -c ./control-plane.git --env dev --push
  kalypso publish -c ./control-plane --env dev --dry-run
`;

const FLAGS = {
  ...CONTROL_PLANE_FLAGS,
  push: { type: 'boolean' },
  direct: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  'github-api-url': { type: 'string' },
  repo: { type: 'string' },
  branch: { type: 'string' },
} as const;

/** What the command needs from outside; tests replace the GitHub client. */
export type PublishServices = GitHubServices;

interface Destination {
  readonly mode: 'pull-request' | 'push';
  readonly repo: string;
  readonly branch: string;
  readonly head: string;
  readonly target: PublishTarget;
}

export async function runPublish(
  argv: readonly string[],
  io: CliIO,
  services: PublishServices = {},
): Promise<ExitCode> {
  const { values } = parseFlags(argv, FLAGS);
  if (values.help) {
    io.stdout(PUBLISH_HELP);
    return ExitCode.SUCCESS;
  }
  const options = controlPlaneOptions(values, io.cwd);
  const push = values.push === true;
  const dryRun = values['dry-run'] === true;
  if (values.direct && !push) throw new UsageError('--direct only goes with --push');
  if ((values.repo !== undefined || values.branch !== undefined) && options.environments.length !== 1) {
    throw new UsageError('--repo and --branch need exactly one --env');
  }
  const { apiUrl, githubOrigin } = githubApi(values);

  const git = gitServices(io, { cache: options.cache, githubOrigin });
  const result = await runPipeline({ ...options }, io, git);
  const problems: Problem[] = [...result.problems];
  const destinations = new Map<EnvironmentPlan, Destination>();
  let octokit: Octokit | undefined;
  const github = async () => {
    if (!git.token && !dryRun)
      throw new UsageError('GITHUB_TOKEN is not set; a pull request needs a token (or use --push)');
    octokit ??= await (services.createGitHubClient ?? createGitHubClient)({ token: git.token, baseUrl: apiUrl });
    return octokit;
  };
  if (!problems.some(isError)) {
    for (const plan of result.plans) {
      const destination = await destinationOf(plan, { values, io, git, push, githubOrigin, github, problems });
      if (destination) destinations.set(plan, destination);
    }
  }
  const sorted = sortProblems(problems);
  if (sorted.some(isError)) {
    return reportInputProblems(io, sorted, {
      json: options.json,
      failed: { published: false, environments: [] },
      nothing: 'published',
    });
  }
  if (!options.json) io.stderr(formatProblems(sorted));

  const published: { plan: EnvironmentPlan; destination: Destination; result: PublishResult }[] = [];
  for (const [plan, destination] of destinations) {
    const environment = result.model.environments.find((candidate) => candidate.name === plan.environment);
    const bodySections = environment ? [assignmentMatrixSection(explainEnvironment(environment, plan))] : [];
    const outcome = await publishPlan(plan, destination.target, { dryRun, bodySections }).catch((e: unknown) => {
      // GitHub and git messages are ours to print; make sure no token travels in them.
      if (e instanceof GitHubError) throw new GitHubError(git.git.redact(e.message), e.status);
      if (e instanceof GitError) throw new GitError(git.git.redact(e.message), git.git.redact(e.stderr));
      throw e;
    });
    published.push({ plan, destination, result: outcome });
    if (!options.json) io.stdout(describe(plan.environment, destination, outcome, dryRun));
  }
  if (options.json) {
    printJson(io, {
      published: !dryRun,
      environments: published.map(({ plan, destination, result: { proposal, outcome } }) => ({
        name: plan.environment,
        mode: destination.mode,
        repo: destination.repo,
        branch: destination.branch,
        head: destination.head,
        dryRun,
        changes: {
          added: proposal.changes.added,
          changed: proposal.changes.changed,
          deleted: proposal.changes.deleted,
        },
        promoted: proposal.promoted,
        title: proposal.title,
        body: proposal.body,
        outcome,
      })),
      problems: sorted.map(problemJson),
    });
  }
  return ExitCode.SUCCESS;
}

interface DestinationContext {
  readonly values: Record<string, unknown>;
  readonly io: CliIO;
  readonly git: GitServices;
  readonly push: boolean;
  readonly githubOrigin: string;
  readonly github: () => Promise<Octokit>;
  readonly problems: Problem[];
}

/** Where an environment's plan goes; a problem (and undefined) when its GitOpsRepo cannot be published to. */
async function destinationOf(plan: EnvironmentPlan, context: DestinationContext): Promise<Destination | undefined> {
  const { values, io, git, push, githubOrigin, problems } = context;
  const fail = (message: string) => {
    problems.push(
      error(`environment "${plan.environment}": ${message}`, { object: `Environment/${plan.environment}` }),
    );
    return undefined;
  };
  const flagRepo = values.repo as string | undefined;
  let repo = flagRepo ?? plan.gitOpsRepo?.repo;
  const branch = (values.branch as string | undefined) ?? plan.gitOpsRepo?.branch;
  if (!repo || !branch)
    return fail('has no GitOpsRepo to publish to (give one in the control plane, or --repo and --branch)');
  // `--repo` may be a path relative to the working folder; the control plane's must be absolute.
  if (flagRepo !== undefined && classifyRepository(repo).kind === RepositoryKind.LOCAL_PATH)
    repo = path.resolve(io.cwd, repo);
  const problem = gitOpsRepoProblem(repo, branch);
  if (problem) return fail(problem);
  const head = values.direct ? branch : headBranch(plan.environment);
  const headProblem = branchNameProblem(head);
  if (headProblem) return fail(`cannot name a branch after it: ${JSON.stringify(head)} ${headProblem}`);

  if (push)
    return { mode: 'push', repo, branch, head, target: new GitTarget(git.cache, { url: repo, branch, pushTo: head }) };
  const github = parseGitHubRepository(repo, githubOrigin);
  if (!github) {
    throw new UsageError(
      `${repo} (GitOpsRepo of environment "${plan.environment}") is not a repository on ${githubOrigin}; ` +
        'publish it with --push, or give --github-api-url for GitHub Enterprise',
    );
  }
  const octokit = await context.github();
  return {
    mode: 'pull-request',
    repo,
    branch,
    head,
    target: new GitHubTarget(octokit, { ...github, branch, environment: plan.environment }),
  };
}

function describe(
  environment: string,
  destination: Destination,
  { proposal, outcome }: PublishResult,
  dryRun: boolean,
): string {
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
