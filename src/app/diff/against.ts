import { promises as fs, statSync } from 'fs';
import * as path from 'path';
import { RepositoryKind, branchNameProblem, classifyRepository, gitOpsRepoProblem } from '../../io/git/git-refs';
import { GitError } from '../../io/git/git-runner';
import { isManagedPath, managedFolders } from '../../core/layout/managed-tree';
import { EnvironmentPlan } from '../../core/plan/plan';
import { CLUSTER_TYPE_README } from '../../core/layout/names';
import { readManagedFilesSync } from '../../io/output/current-tree';
import { UsageError } from '../errors';
import { GitServices } from '../setup/git-services';

/** An existing platform GitOps tree: a folder, or a branch of a git repository (read from git objects, at its root). */
export type AgainstTree =
  | { readonly kind: 'folder'; readonly folder: string }
  | { readonly kind: 'git'; readonly repo: string; readonly branch: string };

/** Which existing tree each environment is compared with (`kalypso diff --against`, `--against-gitops`). */
export interface AgainstTrees {
  /** `--against DIR`: environment E is compared with `DIR/E/` (the layout `kalypso synth --out DIR` writes). */
  readonly outFolder?: string;
  /** `--against ENV=DIR` or `--against ENV=REPO#BRANCH`: environment ENV is compared with that tree. */
  readonly perEnvironment: ReadonlyMap<string, AgainstTree>;
  /** `--against-gitops`: every other environment is compared with its GitOpsRepo branch. */
  readonly gitOpsRepos: boolean;
}

/**
 * Parses `--against` values: `ENV=TREE` when the text before the first `=` is a name (no `/`), else a folder laid out
 * like `synth --out` (at most one). TREE is `REPO#BRANCH` (a git URL or local repository, and a branch) when it has
 * a `#` and is not the name of an existing folder, else a folder.
 */
export function parseAgainst(values: readonly string[], cwd: string, gitOpsRepos = false): AgainstTrees {
  let outFolder: string | undefined;
  const perEnvironment = new Map<string, AgainstTree>();
  for (const value of values) {
    const separator = value.indexOf('=');
    const name = separator > 0 ? value.slice(0, separator) : '';
    if (name !== '' && !name.includes('/') && !name.includes(path.sep)) {
      if (separator === value.length - 1) throw new UsageError(`--against ${value} names no tree`);
      perEnvironment.set(name, parseTree(value.slice(separator + 1), cwd));
    } else if (value.includes('#')) {
      throw new UsageError(
        `--against ${value}: a git branch is compared with one environment; write --against ENV=${value}`,
      );
    } else if (outFolder !== undefined) {
      throw new UsageError(
        '--against DIR may be given once; use --against ENV=DIR to compare one environment with a folder of its own',
      );
    } else {
      outFolder = path.resolve(cwd, value);
    }
  }
  return { outFolder, perEnvironment, gitOpsRepos };
}

function parseTree(text: string, cwd: string): AgainstTree {
  const hash = text.lastIndexOf('#');
  const folder = path.resolve(cwd, text);
  if (hash < 0 || statSync(folder, { throwIfNoEntry: false })?.isDirectory()) return { kind: 'folder', folder };
  const [repo, branch] = [text.slice(0, hash), text.slice(hash + 1)];
  const location = classifyRepository(repo);
  if (location.problem)
    throw new UsageError(`--against ${text}: repository ${JSON.stringify(repo)} ${location.problem}`);
  const branchProblem = branchNameProblem(branch);
  if (branchProblem) throw new UsageError(`--against ${text}: branch ${JSON.stringify(branch)} ${branchProblem}`);
  return { kind: 'git', repo: location.kind === RepositoryKind.LOCAL_PATH ? path.resolve(cwd, repo) : repo, branch };
}

/**
 * The tree the plan of an environment is compared with: undefined when `--against` names none for it, a problem when
 * it is the environment's GitOpsRepo and there is none, or one git must refuse (an input problem, as for `publish`).
 */
export function againstTree(
  trees: AgainstTrees,
  plan: Pick<EnvironmentPlan, 'environment' | 'gitOpsRepo'>,
): AgainstTree | { readonly problem: string } | undefined {
  const own = trees.perEnvironment.get(plan.environment);
  if (own) return own;
  if (trees.outFolder) return { kind: 'folder', folder: path.join(trees.outFolder, plan.environment) };
  if (!trees.gitOpsRepos) return undefined;
  const gitOpsRepo = plan.gitOpsRepo;
  if (!gitOpsRepo)
    return {
      problem: `environment "${plan.environment}" has no GitOpsRepo to compare with (or give --against ${plan.environment}=TREE)`,
    };
  const { repo, branch } = gitOpsRepo;
  const problem = gitOpsRepoProblem(repo, branch);
  if (problem) return { problem: `environment "${plan.environment}": ${problem}` };
  return { kind: 'git', repo, branch };
}

/** Refuses a folder that does not exist (a typo would otherwise show every file as added). */
export async function checkFolderExists(folder: string): Promise<void> {
  try {
    if ((await fs.stat(folder)).isDirectory()) return;
  } catch {
    // reported below
  }
  throw new UsageError(`--against ${folder}: no such folder`);
}

/**
 * How a tree is named in messages: a folder relative to the working folder when inside it, a branch with its
 * repository.
 */
export function describeTree(tree: AgainstTree, cwd: string): string {
  if (tree.kind === 'git') return `${tree.repo} branch ${tree.branch}`;
  const relative = path.relative(cwd, tree.folder);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? tree.folder : relative;
}

/**
 * The managed files of an existing tree (cluster-type folders and `.github/tracking/`), as `{ path → content }`, and
 * the files of `also` it has (e.g. the record of what it was published from). A branch is fetched shallow into the
 * git cache and read from git objects; a branch that does not exist is a usage error, like a folder that does not
 * exist.
 */
export async function readAgainstTree(
  tree: AgainstTree,
  clusterTypes: readonly string[],
  git: GitServices,
  also: readonly string[] = [],
): Promise<Map<string, string>> {
  if (tree.kind === 'folder') {
    const files = readManagedFilesSync(tree.folder, clusterTypes).files;
    for (const extra of also) {
      const text = await fs.readFile(path.join(tree.folder, ...extra.split('/')), 'utf8').catch(() => undefined);
      if (text !== undefined) files.set(extra, text);
    }
    return files;
  }
  const fetched = await git.cache.fetchBranch(tree.repo, tree.branch, 1).catch((e: unknown) => {
    if (e instanceof GitError) throw new UsageError(git.git.redact(e.message));
    throw e;
  });
  if (!fetched.commit) throw new UsageError(`branch ${tree.branch} does not exist in ${tree.repo}`);
  const entries = (await fetched.repository.listTree(fetched.commit)).filter((entry) => entry.type === 'blob');
  const readmes = entries.filter(
    (entry) => entry.path.split('/').length === 2 && entry.path.endsWith(`/${CLUSTER_TYPE_README}`),
  );
  const readmeBlobs = await fetched.repository.readBlobs(readmes.map((entry) => entry.sha));
  const folders = managedFolders(
    new Map(readmes.map((entry) => [entry.path, readmeBlobs.get(entry.sha)!.toString('utf8')])),
    clusterTypes,
  );
  const wanted = new Set(also);
  const managed = entries.filter((entry) => isManagedPath(entry.path, folders) || wanted.has(entry.path));
  const blobs = await fetched.repository.readBlobs(managed.map((entry) => entry.sha));
  return new Map(managed.map((entry) => [entry.path, blobs.get(entry.sha)!.toString('utf8')]));
}
