import * as path from 'path';
import { RepositoryKind, branchNameProblem, classifyRepository } from '../../io/git/git-refs';
import { parseGitHubRepository } from '../../io/github/repository-url';
import { KubernetesClusters } from '../../io/kubernetes/flux-objects';
import { checkDeployment } from '../../app/promotion/check-deployment';
import { ComplianceVerdict, describeCompliance } from '../../app/promotion/compliance';
import { ComplianceSource } from '../../app/promotion/compliance-source';
import { parseDuration } from '../../core/model/duration';
import { PlatformCommit } from '../../app/promotion/flux-kustomizations';
import { GitHubStatusComplianceSource } from '../../app/promotion/github-status-source';
import { KubernetesComplianceSource } from '../../app/promotion/kubernetes-source';
import { nextEnvironment } from '../../app/promotion/next-environment';
import { PromotionRefusedError, promote } from '../../app/promotion/promote';
import { Clock } from '../../app/promotion/wait-for-compliance';
import { gitServices } from '../control-plane';
import { ExitCode, UsageError } from '../exit';
import { CliIO } from '../io';
import { parseFlags } from '../options';
import { checkJson, describeCheck, describePromotion } from '../promotion-report';
import {
  PROMOTION_FLAGS,
  PROMOTION_TARGET_FLAGS,
  PromotionContext,
  PromotionServices,
  commitFlag,
  promotionProblems,
  refusedProblem,
  resolveControlPlane,
} from '../promotion-setup';
import { printJson, reportInputProblems } from '../report';
import { Problem } from '../../core/model/problems';

export const CHECK_HELP = `Usage: kalypso check --env NAME --commit SHA [--promoted SHA] [sources] [options]

Waits until every cluster that consumes the environment's branch of the platform GitOps repository has applied the
commit SHA, then — when the commit was built from a promoted main commit (--promoted) — sets the commit status on it
("pending" / "Deployed" when another environment follows, "success" / "Deployed" for the last one) and promotes it
to the next environment (as kalypso promote does). A cluster that fails to apply the commit fails the check at once;
so does the timeout: "failure" / "Failed to deploy", and nothing is promoted. Progress ("N of M clusters compliant")
is shown on stderr.

Options:
  -e, --env NAME             the environment [required]
      --commit SHA           the platform GitOps commit the clusters must apply (full id) [required]
      --promoted SHA         the main commit it was built from (.github/tracking/Promoted_Commit_Id): it gets the
                             statuses and is promoted further; without it the check only waits
      --next NAME            the environment to promote to [default: the one declared after --env on main]
      --timeout DURATION     give up after this long, e.g. 30s, 10m, 1h [default: 10m]
      --interval DURATION    time between two looks at the clusters [default: 10s]
  -c, --control-plane PATH   the control plane (for the GitOpsRepo, the environments and promotion) [default: .]
      --repo URL             the platform GitOps repository [default: the environment's GitOpsRepo repo]
      --branch NAME          its branch for the environment [default: the GitOpsRepo branch]
      --push                 promote with git push to the --control-plane repository instead of the GitHub API
      --no-status            set no commit status
      --github-api-url URL   the GitHub API, for GitHub Enterprise Server [default: https://api.github.com]
      --cache DIR            where git repositories are mirrored
      --json                 print the result as JSON (shapes in the README, "JSON output")
  -q, --quiet                no progress
  -h, --help                 show this help

Compliance sources (at least one):
      --kubeconfig FILE      read each cluster's Flux Kustomizations through the Kubernetes API: those applying a
                             GitRepository of the repository and branch must report lastAppliedRevision
                             <branch>@sha1:<commit> and Ready=True
      --context NAME         a kubeconfig context, one per cluster (repeatable) [default: the current context]
      --namespace NAME       only Flux objects of this namespace [default: all]
      --expect-cluster ID    read the commit statuses Flux's notification-controller posts on the commit
                             (kustomization/<name>/<cluster id>); one per expected cluster id (repeatable)

Exit codes: 0 deployed (and promoted), 1 problems in the input, 2 usage or environment errors, 4 not deployed
(a cluster failed, or the timeout passed).

Environment:
  GITHUB_TOKEN               token for the GitHub API (statuses, promotion) and git over https to GitHub

Examples:
  kalypso check -c https://github.com/org/control-plane --env dev --commit "$GITHUB_SHA" \\
    --promoted "$(cat .github/tracking/Promoted_Commit_Id)" --expect-cluster drone-1 --expect-cluster large-1
  kalypso check -c ./control-plane.git --env dev --commit 3f2a… --kubeconfig ~/.kube/config --context drone-1
`;

const FLAGS = {
  ...PROMOTION_TARGET_FLAGS,
  promoted: { type: 'string' },
  next: { type: 'string' },
  timeout: { type: 'string' },
  interval: { type: 'string' },
  repo: { type: 'string' },
  branch: { type: 'string' },
  kubeconfig: { type: 'string' },
  context: { type: 'string', multiple: true },
  namespace: { type: 'string' },
  'expect-cluster': { type: 'string', multiple: true },
  ...PROMOTION_FLAGS,
} as const;

/** What `check` needs from outside; tests replace the GitHub client and the clock. */
export interface CheckServices extends PromotionServices {
  /** @default the system clock */
  readonly clock?: Clock;
}

export async function runCheck(argv: readonly string[], io: CliIO, services: CheckServices = {}): Promise<ExitCode> {
  const { values } = parseFlags(argv, FLAGS);
  if (values.help) {
    io.stdout(CHECK_HELP);
    return ExitCode.SUCCESS;
  }
  const environmentName = values.env as string | undefined;
  if (!environmentName) throw new UsageError('--env is required');
  const commit = commitFlag(values.commit, '--commit');
  const promoted =
    values.promoted !== undefined && values.promoted !== '' ? commitFlag(values.promoted, '--promoted') : undefined;
  const timeoutText = (values.timeout as string | undefined) ?? '10m';
  const timeoutMs = durationFlag(timeoutText, '--timeout');
  const intervalMs = durationFlag((values.interval as string | undefined) ?? '10s', '--interval');
  if (intervalMs <= 0) throw new UsageError('--interval must be longer than 0');
  const contexts = (values.context as string[] | undefined) ?? [];
  const expected = (values['expect-cluster'] as string[] | undefined) ?? [];
  if (contexts.length > 0 && values.kubeconfig === undefined) throw new UsageError('--context needs --kubeconfig');
  if (values.kubeconfig === undefined && expected.length === 0) {
    throw new UsageError(
      "no compliance source: give --kubeconfig (and --context) to ask the clusters, or --expect-cluster to read Flux's commit statuses",
    );
  }
  const json = values.json === true;
  const { flags, cache } = resolveControlPlane(values, io);
  const git = gitServices(io, { cache, githubOrigin: flags.githubOrigin });
  const notice = (text: string) => {
    if (!values.quiet) io.stderr(`kalypso check: ${text}\n`);
  };
  const context = await PromotionContext.open(flags, git, services, notice);

  // What to check, and what follows: decided before waiting, so that a mistake does not cost the timeout.
  const selections = await context.environments(promoted);
  const selection = context.environment(selections, environmentName);
  const gitOpsRepo =
    values.repo !== undefined && values.branch !== undefined
      ? undefined
      : await context.gitOpsRepo(selection, promoted);
  let repo = (values.repo as string | undefined) ?? gitOpsRepo?.repo;
  const branch = (values.branch as string | undefined) ?? gitOpsRepo?.branch;
  if (!repo || !branch)
    throw new UsageError(`environment "${selection.name}" has no GitOpsRepo; give --repo and --branch`);
  const repoProblem = classifyRepository(repo).problem;
  if (repoProblem) throw new UsageError(`the platform GitOps repository ${JSON.stringify(repo)} ${repoProblem}`);
  if (values.repo !== undefined && classifyRepository(repo).kind === RepositoryKind.LOCAL_PATH)
    repo = path.resolve(io.cwd, repo);
  const branchProblem = branchNameProblem(branch);
  if (branchProblem) throw new UsageError(`the platform GitOps branch ${JSON.stringify(branch)} ${branchProblem}`);
  const target: PlatformCommit = { repo, branch, commit };
  const nextName = promoted
    ? nextEnvironment(
        selections.map((s) => s.name),
        selection.name,
        values.next as string | undefined,
      )
    : undefined;
  const next = nextName !== undefined ? context.environment(selections, nextName, '--next') : undefined;
  if (next && next.name === selection.name)
    throw new UsageError(`--next ${JSON.stringify(next.name)} is the environment being checked`);
  // Everything the promotion to the next environment needs is checked before waiting too.
  const nextState = next ? await context.branchState(next) : undefined;
  const nextProblems =
    next && nextState && promoted ? promotionProblems(next, nextState, promoted, context.repositoryOf(next)) : [];
  if (nextProblems.length > 0) return reportProblems(nextProblems, json, io);

  const sources: ComplianceSource[] = [];
  if (values.kubeconfig !== undefined) {
    const clusters = await KubernetesClusters.open(path.resolve(io.cwd, values.kubeconfig as string), contexts);
    sources.push(
      new KubernetesComplianceSource({ clusters, target, namespace: values.namespace as string | undefined }),
    );
  }
  if (expected.length > 0) {
    const github = parseGitHubRepository(repo, flags.githubOrigin);
    if (!github)
      throw new UsageError(
        `--expect-cluster reads commit statuses on GitHub, and ${repo} is not a repository on ${flags.githubOrigin}`,
      );
    const octokit = await context.github();
    sources.push(new GitHubStatusComplianceSource({ octokit, repository: github, commit, expected }));
  }
  const statuses = promoted ? await context.statusBoard(selection) : undefined;
  const nextWriter = next ? await context.writer(next) : undefined;
  const nextStatuses = next ? await context.statusBoard(next) : undefined;

  let last = '';
  const onVerdict = (verdict: ComplianceVerdict) => {
    const line = describeCompliance(verdict);
    if (line !== last && !values.quiet) io.stderr(`kalypso check: ${selection.name}: ${line}\n`);
    last = line;
  };
  notice(
    `${selection.name}: waiting up to ${timeoutText} for ${sources.map((source) => source.description).join(' and ')} to apply ${branch}@${commit.slice(0, 12)}`,
  );
  let result;
  try {
    result = await checkDeployment({
      environment: selection.name,
      target,
      promoted,
      sources,
      statuses,
      wait: { timeoutMs, intervalMs, clock: services.clock, onVerdict },
      next: next?.name,
      promoteNext:
        next && nextState && nextWriter
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
  } catch (e) {
    if (e instanceof PromotionRefusedError && next)
      return reportProblems([refusedProblem(next, e.file, e.message)], json, io);
    throw e;
  }
  if (json) {
    printJson(io, { ...checkJson(result), problems: [] });
  } else {
    io.stdout(describeCheck(result, timeoutText));
    if (result.promotion && nextWriter) {
      io.stdout(describePromotion(result.promotion, nextWriter.description));
    }
  }
  return result.outcome === 'compliant' ? ExitCode.SUCCESS : ExitCode.NOT_DEPLOYED;
}

function durationFlag(text: string, flag: string): number {
  const ms = parseDuration(text);
  if (ms === undefined)
    throw new UsageError(`${flag} takes a duration such as 30s, 10m or 1h, got ${JSON.stringify(text)}`);
  return ms;
}

function reportProblems(problems: readonly Problem[], json: boolean, io: CliIO): ExitCode {
  const failed = {
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
  };
  return reportInputProblems(io, problems, { json, failed, nothing: 'promoted' });
}
