import { RendererRegistry } from '../../render/constructs/renderer-registry';
import * as path from 'path';
import { Problem, error, isError, sortProblems } from '../../core/model/problems';
import { EnvironmentPlan } from '../../core/plan/plan';
import { RepositoryKind, branchNameProblem, classifyRepository, gitOpsRepoProblem } from '../../io/git/git-refs';
import { GitError } from '../../io/git/git-runner';
import { GitHubError } from '../../io/github/github-error';
import { HostError } from '../../io/hosts/host-error';
import { requestNoun } from '../../io/hosts/host-names';
import { repositoryName } from '../../io/hosts/host-selection';
import { HostKind } from '../../io/hosts/pull-request-host';
import { UsageError } from '../errors';
import { planWith } from '../review/previous-state';
import { rolloutPublication } from '../rollout/wave-publication';
import { problemJson } from '../report/problem-json';
import { GitHubAccess } from '../setup/github-access';
import { GitServices } from '../setup/git-services';
import { HostAccess } from '../setup/host-access';
import { SynthResult } from '../synthesize/synthesize';
import { GitTarget } from './git-target';
import { HostTarget, headBranch } from './host-target';
import { PublishResult, PublishTarget, publishPlan } from './publish';
import { reviewOptions } from './review-options';

/** How and where `publishEnvironments` publishes. */
export interface PublishEnvironmentsOptions {
  /** git. */
  readonly git: GitServices;
  /** The GitHub API and its client (for pull requests on GitHub). */
  readonly github: GitHubAccess;
  /**
   * Which host serves each GitOps repository, and its adapter (for requests on any host).
   * @default - the hosts recognised by name and the GitHub of `github`, with tokens from `process.env`
   */
  readonly hosts?: HostAccess;
  /**
   * Publish with git push (any host, or a local repository) instead of a request on the repository's Git host.
   * @default false
   */
  readonly push?: boolean;
  /**
   * With `push`: push onto the GitOpsRepo branch itself instead of `kalypso/<environment>`.
   * @default false
   */
  readonly direct?: boolean;
  /**
   * Read the branches and decide the change, but write nothing.
   * @default false
   */
  readonly dryRun?: boolean;
  /**
   * The renderers the plans were made with, to plan the objects the branch records with them too.
   * @default - the built-in renderers
   */
  readonly registry?: RendererRegistry;
  /**
   * Publish to this repository instead of the GitOpsRepo's (one environment only); a path is resolved against `cwd`.
   * @default - the environment's GitOpsRepo repo
   */
  readonly repo?: string;
  /** Publish to this branch instead of the GitOpsRepo's (one environment only). @default - the GitOpsRepo branch */
  readonly branch?: string;
  /** What a relative `repo` is resolved against. @default process.cwd() */
  readonly cwd?: string;
}

/** Where an environment's plan goes. */
export type Destination = RequestDestination | PushDestination;

interface DestinationBase {
  readonly repo: string;
  /** The GitOpsRepo branch (the request's base). */
  readonly branch: string;
  /** The branch written: `kalypso/<environment>`, or `branch` itself with `direct`. */
  readonly head: string;
  readonly target: PublishTarget;
}

/** A request on the repository's Git host. */
export interface RequestDestination extends DestinationBase {
  readonly mode: 'pull-request';
  readonly host: HostKind;
}

/** A git push. */
export interface PushDestination extends DestinationBase {
  readonly mode: 'push';
}

/** Where each environment goes, decided before anything is read from or written to a Git host. */
export interface Publication {
  readonly destinations: ReadonlyMap<EnvironmentPlan, Destination>;
  /** The pipeline's problems and those of destinations that cannot be published to, sorted. */
  readonly problems: readonly Problem[];
}

/** One environment published (or, in a dry run, what would be). */
export interface PublishedEnvironment {
  readonly environment: string;
  readonly destination: Destination;
  readonly result: PublishResult;
}

/** What `kalypso publish` did. */
export interface PublishEnvironmentsResult {
  /** Whether anything may have been written: false for a dry run, or when errors in the input stopped publishing. */
  readonly published: boolean;
  readonly dryRun: boolean;
  /** The environments published, in plan order; none when errors in the input stopped publishing. */
  readonly environments: readonly PublishedEnvironment[];
  readonly problems: readonly Problem[];
}

/** Refuses options that contradict each other, before the pipeline runs. */
export function checkPublishOptions(
  options: Pick<PublishEnvironmentsOptions, 'push' | 'direct' | 'repo' | 'branch'>,
  environments: readonly string[],
): void {
  if (options.direct && !options.push) throw new UsageError('--direct only goes with --push');
  if ((options.repo !== undefined || options.branch !== undefined) && environments.length !== 1) {
    throw new UsageError('--repo and --branch need exactly one --env');
  }
}

/**
 * Decides where each environment's plan goes: its GitOpsRepo (or `repo` and `branch`), as a request on its Git host
 * or with git push. An environment without a GitOpsRepo, or with one git must refuse, is an input problem; a
 * repository whose host cannot be told, without `push`, is a usage error. Nothing is decided when the input has
 * errors.
 */
export async function planPublication(
  result: Pick<SynthResult, 'plans' | 'problems'>,
  options: PublishEnvironmentsOptions,
): Promise<Publication> {
  const problems: Problem[] = [...result.problems];
  const destinations = new Map<EnvironmentPlan, Destination>();
  if (!problems.some(isError)) {
    const hosts = options.hosts ?? HostAccess.aroundGitHub(options.github);
    for (const plan of result.plans) {
      const destination = await destinationOf(plan, { ...options, hosts }, problems);
      if (destination) destinations.set(plan, destination);
    }
  }
  return { destinations, problems: sortProblems(problems) };
}

/**
 * Publishes each environment of a publication: makes the cluster-type folders and `.github/tracking/` of its branch
 * equal the plan (a pull request whose body is the change report, or a push), or with `dryRun` only says what
 * would change. An environment with a RolloutPolicy publishes by wave (docs/explanation/rollouts.md). `onPublished`
 * is told each environment as it is done. Host and git messages are returned free of
 * the tokens.
 */
export async function publishPlanned(
  result: Pick<SynthResult, 'model'>,
  publication: Publication,
  options: Pick<PublishEnvironmentsOptions, 'git' | 'dryRun' | 'registry'> & {
    readonly onPublished?: (published: PublishedEnvironment) => void;
  },
): Promise<PublishEnvironmentsResult> {
  const dryRun = options.dryRun === true;
  if (publication.problems.some(isError))
    return { published: false, dryRun, environments: [], problems: publication.problems };
  const redact = (text: string) => options.git.git.redact(text);
  const environments: PublishedEnvironment[] = [];
  for (const [plan, destination] of publication.destinations) {
    const environment = result.model.environments.find((candidate) => candidate.name === plan.environment);
    const review = reviewOptions(destination, environment);
    const shape = environment && rolloutPublication(environment, plan, destination.target.description);
    const planRecorded = planWith(options.registry);
    const outcome = await publishPlan(plan, destination.target, { dryRun, ...review, shape, planRecorded }).catch(
      (e: unknown) => {
        if (e instanceof GitHubError) throw new GitHubError(redact(e.message), e.status);
        if (e instanceof HostError) throw new HostError(redact(e.message), e.status);
        if (e instanceof GitError) throw new GitError(redact(e.message), redact(e.stderr));
        throw e;
      },
    );
    const published = { environment: plan.environment, destination, result: outcome };
    environments.push(published);
    options.onPublished?.(published);
  }
  return { published: !dryRun, dryRun, environments, problems: publication.problems };
}

/** `planPublication`, then `publishPlanned`: publishes every environment of a pipeline's result. */
export async function publishEnvironments(
  result: Pick<SynthResult, 'model' | 'plans' | 'problems'>,
  options: PublishEnvironmentsOptions & { readonly onPublished?: (published: PublishedEnvironment) => void },
): Promise<PublishEnvironmentsResult> {
  return publishPlanned(result, await planPublication(result, options), options);
}

/** `kalypso publish --json`. */
export function publishJson(result: PublishEnvironmentsResult) {
  return {
    published: result.published,
    environments: result.environments.map(({ environment, destination, result: { proposal, outcome } }) => ({
      name: environment,
      mode: destination.mode,
      repo: destination.repo,
      branch: destination.branch,
      head: destination.head,
      dryRun: result.dryRun,
      changes: {
        added: proposal.changes.added,
        changed: proposal.changes.changed,
        deleted: proposal.changes.deleted,
      },
      promoted: proposal.promoted,
      title: proposal.title,
      body: proposal.body,
      fullReport: proposal.fullReport ?? null,
      outcome,
    })),
    problems: result.problems.map(problemJson),
  };
}

/** Where an environment's plan goes; a problem (and undefined) when its GitOpsRepo cannot be published to. */
async function destinationOf(
  plan: EnvironmentPlan,
  options: PublishEnvironmentsOptions & { readonly hosts: HostAccess },
  problems: Problem[],
): Promise<Destination | undefined> {
  const fail = (message: string) => {
    problems.push(
      error(`environment "${plan.environment}": ${message}`, { object: `Environment/${plan.environment}` }),
    );
    return undefined;
  };
  let repo = options.repo ?? plan.gitOpsRepo?.repo;
  const branch = options.branch ?? plan.gitOpsRepo?.branch;
  if (!repo || !branch)
    return fail('has no GitOpsRepo to publish to (give one in the control plane, or --repo and --branch)');
  // `repo` may be a path relative to the working folder; the control plane's must be absolute.
  if (options.repo !== undefined && classifyRepository(repo).kind === RepositoryKind.LOCAL_PATH)
    repo = path.resolve(options.cwd ?? process.cwd(), repo);
  const problem = gitOpsRepoProblem(repo, branch);
  if (problem) return fail(problem);
  const head = options.direct ? branch : headBranch(plan.environment);
  const headProblem = branchNameProblem(head);
  if (headProblem) return fail(`cannot name a branch after it: ${JSON.stringify(head)} ${headProblem}`);

  if (options.push) {
    const target = new GitTarget(options.git.cache, { url: repo, branch, pushTo: head });
    return { mode: 'push', repo, branch, head, target };
  }
  const { hosts } = options;
  if (classifyRepository(repo).kind === RepositoryKind.LOCAL_PATH || /^file:/i.test(repo)) {
    throw new UsageError(
      `${repo} (GitOpsRepo of environment "${plan.environment}") is a repository on this machine, not on a Git host; publish it with --push`,
    );
  }
  const located = hosts.locate(repo);
  if ('problem' in located) {
    throw new UsageError(
      `${repo} (GitOpsRepo of environment "${plan.environment}"): ${located.problem}, or publish it with --push`,
    );
  }
  const { repository } = located;
  const host = await hosts.open(
    repository,
    options.dryRun ? undefined : `a ${requestNoun(repository.kind)} needs a token (or use --push)`,
  );
  return {
    mode: 'pull-request',
    host: repository.kind,
    repo,
    branch,
    head,
    target: new HostTarget(host, { repository: repositoryName(repository), branch, environment: plan.environment }),
  };
}
