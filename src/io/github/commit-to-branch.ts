import type { Octokit } from '@octokit/rest' with { 'resolution-mode': 'import' };
import { branchTip, createTreeOnBase, gitHubCall } from './branch-tree';

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
  const call = gitHubCall(`${owner}/${repo}`);
  const base = await branchTip(octokit, { owner, repo, branch });
  const tree = await createTreeOnBase(octokit, {
    owner,
    repo,
    baseTree: base.tree,
    files: change.files,
    deletions: change.deletions ?? [],
  });
  if (tree === base.tree) return undefined;
  const commit = await call('create the commit', () =>
    octokit.rest.git.createCommit({
      owner,
      repo,
      message: change.message,
      tree,
      parents: [base.commit],
    }),
  );
  await call(`update branch ${branch}`, () =>
    octokit.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: commit.data.sha, force: false }),
  );
  return commit.data.sha;
}
