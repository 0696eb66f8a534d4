import type { Octokit } from '@octokit/rest' with { 'resolution-mode': 'import' };
import { branchCommit } from './branch-tree';
import { GitHubError, toGitHubError } from './github-error';

/** Files to write and delete on a branch, as one commit. */
export interface BranchCommit {
  readonly owner: string;
  readonly repo: string;
  readonly branch: string;
  readonly message: string;
  /** Path → content. */
  readonly files: Readonly<Record<string, string>>;
  /** Paths to delete. @default [] */
  readonly deletions?: readonly string[];
}

/**
 * Commits files straight onto a branch (Git Data API: tree on the tip, commit, fast-forward of the ref) and returns
 * the new commit, or undefined when the branch already holds exactly these files (nothing is committed). Fails when
 * the branch does not exist or moves meanwhile.
 */
export async function commitToBranch(octokit: Octokit, change: BranchCommit): Promise<string | undefined> {
  const { owner, repo, branch } = change;
  const where = `${owner}/${repo}`;
  const call = <T>(doing: string, request: () => Promise<T>): Promise<T> => request().catch((e: unknown) => {
    throw toGitHubError(e, `${doing} in ${where}`);
  });
  const tip = await branchCommit(octokit, { owner, repo, branch });
  if (!tip) throw new GitHubError(`branch ${branch} does not exist in ${where}`);
  const base = await call(`read commit ${tip}`, () => octokit.rest.git.getCommit({ owner, repo, commit_sha: tip }));
  const tree = await call('create the tree', () => octokit.rest.git.createTree({
    owner,
    repo,
    base_tree: base.data.tree.sha,
    tree: [
      ...(change.deletions ?? []).map((path) => ({ path, mode: '100644' as const, type: 'blob' as const, sha: null })),
      ...Object.entries(change.files).map(([path, content]) => ({ path, mode: '100644' as const, type: 'blob' as const, content })),
    ],
  }));
  if (tree.data.sha === base.data.tree.sha) return undefined;
  const commit = await call('create the commit', () => octokit.rest.git.createCommit({
    owner, repo, message: change.message, tree: tree.data.sha, parents: [tip],
  }));
  await call(`update branch ${branch}`, () => octokit.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: commit.data.sha, force: false }));
  return commit.data.sha;
}
