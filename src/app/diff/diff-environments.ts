import { Problem, error, isError, sortProblems } from '../../core/model/problems';
import { EnvironmentPlan } from '../../core/plan/plan';
import { UsageError } from '../errors';
import { problemJson } from '../report/problem-json';
import { GitServices } from '../setup/git-services';
import { SynthResult } from '../synthesize/synthesize';
import { AgainstTree, AgainstTrees, againstTree, checkFolderExists, parseAgainst, readAgainstTree } from './against';
import { treeDiffJson } from './format-diff';
import { TreeDiff, diffPlatformTree, isEmptyDiff } from './tree-diff';

/** One environment's plan compared with its existing tree. */
export interface EnvironmentDiff {
  readonly environment: string;
  readonly against: AgainstTree;
  readonly diff: TreeDiff;
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
  result: Pick<SynthResult, 'plans' | 'problems'>,
  options: { readonly against: AgainstTrees; readonly git: GitServices },
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
    const existing = await readAgainstTree(tree, plan.clusterTypes, options.git);
    environments.push({
      environment: plan.environment,
      against: tree,
      diff: diffPlatformTree(existing, plan.files, plan.clusterTypes),
    });
  }
  return { equal: environments.every(({ diff }) => isEmptyDiff(diff)), environments, problems: result.problems };
}

/** `kalypso diff --json`. */
export function diffJson(result: DiffResult) {
  return {
    equal: result.equal,
    environments: result.environments.map(({ environment, against, diff }) => ({
      name: environment,
      against: against.kind === 'folder' ? against.folder : { repo: against.repo, branch: against.branch },
      equal: isEmptyDiff(diff),
      ...treeDiffJson(diff),
    })),
    problems: result.problems.map(problemJson),
  };
}
