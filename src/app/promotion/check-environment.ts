import * as path from 'path';
import { Problem } from '../../core/model/problems';
import { RepositoryKind, branchNameProblem, classifyRepository } from '../../io/git/git-refs';
import { KubernetesClusters } from '../../io/kubernetes/flux-objects';
import { repositoryName } from '../../io/hosts/host-selection';
import { UsageError } from '../errors';
import { problemJson } from '../report/problem-json';
import { CheckDeploymentResult, checkDeployment } from './check-deployment';
import { ComplianceSource } from './compliance-source';
import { PlatformCommit } from './flux-kustomizations';
import { HostStatusComplianceSource } from './host-status-source';
import { KubernetesComplianceSource } from './kubernetes-source';
import { nextEnvironment } from './next-environment';
import { PromotionRefusedError, promote } from './promote';
import { PromotionContext, promotionProblems, refusedProblem } from './promotion-context';
import { checkJson } from './promotion-json';
import { WaitOptions } from './wait-for-compliance';
import { RolloutStatus } from '../../core/rollout/rollout-state';
import { readStoredRolloutFrom } from '../rollout/read-rollout-state';
import { RolloutStateError } from '../rollout/tracking-file';

/** What `checkEnvironment` waits for, where it looks, and where a promotion goes next. */
export interface CheckEnvironmentOptions {
  /** The environment checked. */
  readonly environment: string;
  /** The platform GitOps commit every cluster must apply (full id). */
  readonly commit: string;
  /**
   * The `main` commit it was built from: it gets the statuses and is promoted to the next environment.
   * @default - none: the check only waits
   */
  readonly promoted?: string;
  /** The environment to promote to. @default - the one declared after `environment` on `main` */
  readonly next?: string;
  /** The platform GitOps repository (a path is resolved against `cwd`). @default - the environment's GitOpsRepo repo */
  readonly repo?: string;
  /** Its branch for the environment. @default - the GitOpsRepo branch */
  readonly branch?: string;
  /** What a relative `repo` and `kubeconfig` are resolved against. @default process.cwd() */
  readonly cwd?: string;
  /** Read each cluster's Flux objects through the Kubernetes API with this kubeconfig. */
  readonly kubeconfig?: string;
  /** Its contexts, one per cluster. @default - the current context */
  readonly contexts?: readonly string[];
  /** Only Flux objects of this namespace. @default - every namespace */
  readonly namespace?: string;
  /** Read the commit statuses Flux's notification-controller posts on the repository's Git host, one per cluster id. */
  readonly expectClusters?: readonly string[];
  /** How long to wait, how often to look, and who is told each verdict. */
  readonly wait: WaitOptions;
}

/** What `kalypso check` found. */
export interface CheckEnvironmentResult {
  /** How the wait ended and what was promoted; `null` when problems on the next environment's branch stopped it. */
  readonly check: CheckDeploymentResult | null;
  /** How the next environment's branch was written, for messages. */
  readonly nextWriter?: string;
  /** Errors that keep the promotion to the next environment from being written (found before waiting). */
  readonly problems: readonly Problem[];
  /**
   * The environment rolls out in waves and its rollout is not complete: the promotion is the rollout's, after its last
   * wave (docs/explanation/rollouts.md), so the check promoted nothing.
   */
  readonly rollout?: { readonly status: RolloutStatus; readonly wave: number; readonly waves: number };
}

/**
 * Waits until every cluster that consumes the environment's branch of the platform GitOps repository applied the
 * commit, then — with a promoted `main` commit — sets its status and promotes it to the next environment. Mistakes
 * (an unknown environment, a next environment whose branch cannot take the promotion…) are found before waiting, so
 * that they do not cost the timeout.
 */
export async function checkEnvironment(
  context: PromotionContext,
  options: CheckEnvironmentOptions,
): Promise<CheckEnvironmentResult> {
  const { commit, promoted } = options;
  const cwd = options.cwd ?? process.cwd();
  const selections = await context.environments(promoted);
  const selection = context.environment(selections, options.environment);
  const gitOpsRepo =
    options.repo !== undefined && options.branch !== undefined
      ? undefined
      : await context.gitOpsRepo(selection, promoted);
  let repo = options.repo ?? gitOpsRepo?.repo;
  const branch = options.branch ?? gitOpsRepo?.branch;
  if (!repo || !branch)
    throw new UsageError(`environment "${selection.name}" has no GitOpsRepo; give --repo and --branch`);
  const repoProblem = classifyRepository(repo).problem;
  if (repoProblem) throw new UsageError(`the platform GitOps repository ${JSON.stringify(repo)} ${repoProblem}`);
  if (options.repo !== undefined && classifyRepository(repo).kind === RepositoryKind.LOCAL_PATH)
    repo = path.resolve(cwd, repo);
  const branchProblem = branchNameProblem(branch);
  if (branchProblem) throw new UsageError(`the platform GitOps branch ${JSON.stringify(branch)} ${branchProblem}`);
  const target: PlatformCommit = { repo, branch, commit };
  // Only an environment with a RolloutPolicy has a rollout to wait for: any other behaves as it always did.
  const waves = promoted ? await context.rollsOutInWaves(selection, promoted) : false;
  const stored = waves ? await readStoredRolloutFrom(repo, branch, context.git, context.hosts) : undefined;
  if (stored?.kind === 'unreadable') throw new RolloutStateError(stored.reason);
  const rolling =
    stored?.kind === 'found' && stored.state.status !== RolloutStatus.COMPLETE
      ? { status: stored.state.status, wave: stored.state.wave + 1, waves: stored.state.waves.length }
      : undefined;
  const nextName = promoted
    ? nextEnvironment(
        selections.map((s) => s.name),
        selection.name,
        options.next,
      )
    : undefined;
  const next = nextName !== undefined ? context.environment(selections, nextName, '--next') : undefined;
  if (next && next.name === selection.name)
    throw new UsageError(`--next ${JSON.stringify(next.name)} is the environment being checked`);
  // Everything the promotion to the next environment needs is checked before waiting too.
  const nextState = next ? await context.branchState(next) : undefined;
  const nextProblems =
    next && nextState && promoted ? promotionProblems(next, nextState, promoted, context.repositoryOf(next)) : [];
  if (nextProblems.length > 0) return { check: null, problems: nextProblems };

  const sources: ComplianceSource[] = [];
  if (options.kubeconfig !== undefined) {
    const clusters = await KubernetesClusters.open(path.resolve(cwd, options.kubeconfig), options.contexts ?? []);
    sources.push(new KubernetesComplianceSource({ clusters, target, namespace: options.namespace }));
  }
  const expected = options.expectClusters ?? [];
  if (expected.length > 0) {
    const located = context.hosts.locate(repo);
    if ('problem' in located) {
      throw new UsageError(`--expect-cluster reads commit statuses on the Git host of ${repo}: ${located.problem}`);
    }
    const host = await context.hosts.open(located.repository);
    sources.push(
      new HostStatusComplianceSource({ host, repository: repositoryName(located.repository), commit, expected }),
    );
  }
  if (sources.length === 0) throw new UsageError('no compliance source: give a kubeconfig or expected clusters');
  const statuses = promoted ? await context.statusBoard(selection) : undefined;
  const nextWriter = next ? await context.writer(next) : undefined;
  const nextStatuses = next ? await context.statusBoard(next) : undefined;

  context.notify(
    `${selection.name}: waiting up to ${formatDuration(options.wait.timeoutMs)} for ${sources.map((source) => source.description).join(' and ')} to apply ${branch}@${commit.slice(0, 12)}`,
  );
  try {
    const check = await checkDeployment({
      environment: selection.name,
      target,
      promoted,
      sources,
      statuses,
      wait: options.wait,
      next: next?.name,
      rolloutUnfinished: rolling !== undefined,
      promoteNext:
        next && nextState && nextWriter && !rolling
          ? (name, promotedCommit) =>
              promote({
                environment: name,
                commit: promotedCommit,
                repo: context.repositoryOf(next),
                branch: next.branch,
                existing: nextState.existing,
                files: nextState.files,
                writer: nextWriter,
                statuses: nextStatuses,
              })
          : undefined,
    });
    return { check, nextWriter: nextWriter?.description, problems: [], ...(rolling ? { rollout: rolling } : {}) };
  } catch (e) {
    if (e instanceof PromotionRefusedError && next)
      return { check: null, problems: [refusedProblem(next, e.file, e.message)] };
    throw e;
  }
}

/** `kalypso check --json`: the check, or its fields empty when problems stopped it. */
export function checkEnvironmentJson(result: CheckEnvironmentResult) {
  const problems = result.problems.map(problemJson);
  if (result.check) return { ...checkJson(result.check), rollout: result.rollout ?? null, problems };
  return {
    deployed: false,
    environment: null,
    repo: null,
    branch: null,
    commit: null,
    promoted: null,
    outcome: null,
    compliant: null,
    total: null,
    clusters: null,
    observations: null,
    status: null,
    next: null,
    promotion: null,
    rollout: null,
    problems,
  };
}

/** `1h30m`, `10m`, `30s`, `500ms`: a duration as it is written on the command line. */
export function formatDuration(ms: number): string {
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of [
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  if (rest > 0 || parts.length === 0) parts.push(`${rest}ms`);
  return parts.join('');
}
