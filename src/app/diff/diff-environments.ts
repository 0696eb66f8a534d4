import { Problem, error, isError, sortProblems } from '../../core/model/problems';
import { EnvironmentPlan } from '../../core/plan/plan';
import { UsageError } from '../errors';
import { problemJson } from '../report/problem-json';
import { GitServices } from '../setup/git-services';
import { SynthResult } from '../synthesize/synthesize';
import { AgainstTree, AgainstTrees, againstTree, checkFolderExists, parseAgainst, readAgainstTree } from './against';
import { treeDiffJson } from './format-diff';
import { TreeDiff, diffPlatformTree, isEmptyDiff } from './tree-diff';
import { EnvironmentModel } from '../../core/model/types';
import { ChangeReport, buildChangeReport, changeReportJson, emptyState } from '../review';
import { INPUTS_RECORD_PATH } from '../review/inputs-record';
import { previousState } from '../review/previous-state';

/** One environment's plan compared with its existing tree. */
export interface EnvironmentDiff {
  readonly environment: string;
  readonly against: AgainstTree;
  readonly diff: TreeDiff;
  /** The change report (`--summary`): the same one `kalypso publish` makes the request's body of. */
  readonly report?: ChangeReport;
}

/** What `kalypso diff` found. */
export interface DiffResult {
  /** Whether every environment compared equals its tree; `null` when errors in the input stopped the comparison. */
  readonly equal: boolean | null;
  /** The environments compared; none when errors in the input stopped the comparison. */
  readonly environments: readonly EnvironmentDiff[];
  /** Every problem: the pipeline's, and environments whose tree cannot be read (errors). */
  readonly problems: readonly Problem[];
}

/**
 * The trees `--against` and `--against-gitops` name (see `parseAgainst`); a folder that does not exist is a usage
 * error (a typo would otherwise show every file as added).
 */
export async function againstTrees(
  values: readonly string[],
  options: { readonly cwd: string; readonly gitOpsRepos: boolean },
): Promise<AgainstTrees> {
  if (values.length === 0 && !options.gitOpsRepos) {
    throw new UsageError(
      'name the tree to compare with: --against DIR (a kalypso synth --out folder), --against ENV=DIR or ENV=REPO#BRANCH, ' +
        "or --against-gitops (each environment's GitOpsRepo)",
    );
  }
  const against = parseAgainst(values, options.cwd, options.gitOpsRepos);
  const folders = [...against.perEnvironment.values()].flatMap((tree) => (tree.kind === 'folder' ? [tree.folder] : []));
  for (const folder of [...(against.outFolder ? [against.outFolder] : []), ...folders]) await checkFolderExists(folder);
  return against;
}

/**
 * The environments to load for a comparison: those asked for, else — when only `ENV=TREE` trees are given — the
 * environments they name. An environment asked for that no tree covers is a usage error.
 */
export function environmentsToCompare(against: AgainstTrees, environments: readonly string[]): readonly string[] {
  const chosen =
    environments.length === 0 && !against.outFolder && !against.gitOpsRepos
      ? [...against.perEnvironment.keys()]
      : environments;
  for (const environment of chosen) {
    if (!against.gitOpsRepos && againstTree(against, { environment }) === undefined) {
      throw new UsageError(
        `--against names no tree for environment "${environment}"; add --against ${environment}=DIR`,
      );
    }
  }
  return chosen;
}

/**
 * Compares each environment's plan with its existing tree, object by object and field by field; only the managed part
 * of the trees (cluster-type folders and `.github/tracking/`) is compared. Nothing is compared when the input has
 * errors, or an environment has no tree that can be read (a missing or refused GitOpsRepo). Git trees are fetched
 * shallow into `git`'s cache.
 */
export async function diffEnvironments(
  result: Pick<SynthResult, 'plans' | 'problems' | 'model'>,
  options: {
    readonly against: AgainstTrees;
    readonly git: GitServices;
    /** Also build each environment's change report, compared with what its tree records. @default false */
    readonly summary?: boolean;
  },
): Promise<DiffResult> {
  const problems = [...result.problems];
  const trees = new Map<EnvironmentPlan, AgainstTree>();
  for (const plan of problems.some(isError) ? [] : result.plans) {
    const tree = againstTree(options.against, plan)!;
    if ('problem' in tree) problems.push(error(tree.problem, { object: `Environment/${plan.environment}` }));
    else trees.set(plan, tree);
  }
  if (problems.some(isError)) return { equal: null, environments: [], problems: sortProblems(problems) };
  const environments: EnvironmentDiff[] = [];
  for (const [plan, tree] of trees) {
    const existing = await readAgainstTree(tree, plan.clusterTypes, options.git, [INPUTS_RECORD_PATH]);
    const record = existing.get(INPUTS_RECORD_PATH);
    existing.delete(INPUTS_RECORD_PATH);
    const diff = diffPlatformTree(existing, plan.files, plan.clusterTypes);
    const model = result.model.environments.find((environment) => environment.name === plan.environment);
    const report = options.summary ? await summarize(plan, model, existing, record, diff) : undefined;
    environments.push({ environment: plan.environment, against: tree, diff, ...(report ? { report } : {}) });
  }
  return { equal: environments.every(({ diff }) => isEmptyDiff(diff)), environments, problems: result.problems };
}

/** The change report of a plan compared with an existing tree and what it records (pure but for planning). */
async function summarize(
  plan: EnvironmentPlan,
  model: EnvironmentModel | undefined,
  existing: ReadonlyMap<string, string>,
  record: string | undefined,
  diff: TreeDiff,
): Promise<ChangeReport> {
  const next = { model: model ?? emptyState(plan.environment).model, plan };
  const previous = await previousState(next, { paths: existing.keys(), contents: existing, record });
  return buildChangeReport({
    previous: previous.state,
    next,
    tree: { added: diff.added, changed: diff.changed.map((file) => file.path), deleted: diff.removed },
    baseline: previous.baseline,
  });
}

/** `kalypso diff --json`; with `--summary`, each environment's change report too. */
export function diffJson(result: DiffResult) {
  return {
    equal: result.equal,
    environments: result.environments.map(({ environment, against, diff, report }) => ({
      name: environment,
      against: against.kind === 'folder' ? against.folder : { repo: against.repo, branch: against.branch },
      equal: isEmptyDiff(diff),
      ...treeDiffJson(diff),
      ...(report ? { summary: changeReportJson(report) } : {}),
    })),
    problems: result.problems.map(problemJson),
  };
}
