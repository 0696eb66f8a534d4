import type { Octokit } from '@octokit/rest' with { 'resolution-mode': 'import' };
import { GitHubError, isRequestError, toGitHubError } from './github-error';

/** A branch's commit, its tree and every file in it (path → blob id), as the Git Data API lists them. */
export interface BranchTree {
  readonly commit: string;
  readonly tree: string;
  readonly blobs: ReadonlyMap<string, string>;
}

export interface BranchRef {
  readonly owner: string;
  readonly repo: string;
  readonly branch: string;
}

/** The tip of a branch and its files, or undefined when the branch does not exist. */
export async function readBranchTree(
  octokit: Octokit,
  { owner, repo, branch }: BranchRef,
): Promise<BranchTree | undefined> {
  const commit = await branchCommit(octokit, { owner, repo, branch });
  if (!commit) return undefined;
  return readCommitTree(octokit, { owner, repo }, commit, branch);
}

/** A commit's tree and every file in it; `name` (a branch, or the commit) names it in messages. */
export async function readCommitTree(
  octokit: Octokit,
  { owner, repo }: { owner: string; repo: string },
  commit: string,
  name = commit,
): Promise<BranchTree> {
  const where = `${owner}/${repo}`;
  const tree = await octokit.rest.git.getCommit({ owner, repo, commit_sha: commit }).catch((e: unknown) => {
    throw toGitHubError(e, `read commit ${commit} of ${where}`);
  });
  const listing = await octokit.rest.git
    .getTree({ owner, repo, tree_sha: tree.data.tree.sha, recursive: 'true' })
    .catch((e: unknown) => {
      throw toGitHubError(e, `list the files of ${where}@${name}`);
    });
  if (listing.data.truncated) {
    throw new GitHubError(
      `${where}@${name} has more files than GitHub's tree API lists at once; publish it with --push instead`,
    );
  }
  const blobs = new Map<string, string>();
  for (const entry of listing.data.tree) {
    if ((entry.type === 'blob' || entry.type === 'commit') && entry.path && entry.sha) blobs.set(entry.path, entry.sha);
  }
  return { commit, tree: tree.data.tree.sha, blobs };
}

/** The commit a branch points at, or undefined when there is no such branch (or the repository is empty). */
export async function branchCommit(octokit: Octokit, { owner, repo, branch }: BranchRef): Promise<string | undefined> {
  try {
    const ref = await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
    return ref.data.object.sha;
  } catch (e) {
    if (isRequestError(e) && (e.status === 404 || e.status === 409)) return undefined;
    throw toGitHubError(e, `read branch ${branch} of ${owner}/${repo}`);
  }
}

/** The contents of blobs, by id. */
export async function readBlobs(
  octokit: Octokit,
  { owner, repo }: { owner: string; repo: string },
  shas: Iterable<string>,
): Promise<Map<string, Buffer>> {
  const blobs = new Map<string, Buffer>();
  for (const sha of new Set(shas)) {
    const blob = await octokit.rest.git.getBlob({ owner, repo, file_sha: sha }).catch((e: unknown) => {
      throw toGitHubError(e, `read blob ${sha} of ${owner}/${repo}`);
    });
    blobs.set(sha, Buffer.from(blob.data.content, blob.data.encoding === 'base64' ? 'base64' : 'utf8'));
  }
  return blobs;
}

/** Runs a request, turning its failure into a `GitHubError` that says what was being done in `where` (`owner/repo`). */
export function gitHubCall(where: string): <T>(doing: string, request: () => Promise<T>) => Promise<T> {
  return (doing, request) =>
    request().catch((e: unknown) => {
      throw toGitHubError(e, `${doing} in ${where}`);
    });
}

/** A branch's tip commit and its tree; a `GitHubError` when the branch does not exist. */
export async function branchTip(
  octokit: Octokit,
  { owner, repo, branch }: BranchRef,
): Promise<{ commit: string; tree: string }> {
  const where = `${owner}/${repo}`;
  const commit = await branchCommit(octokit, { owner, repo, branch });
  if (!commit) throw new GitHubError(`branch ${branch} does not exist in ${where}`);
  const data = await gitHubCall(where)(`read commit ${commit}`, () =>
    octokit.rest.git.getCommit({ owner, repo, commit_sha: commit }),
  );
  return { commit, tree: data.data.tree.sha };
}

/** Creates the tree `baseTree` with `files` written (mode 100644) and `deletions` removed, and returns its id. */
export async function createTreeOnBase(
  octokit: Octokit,
  {
    owner,
    repo,
    baseTree,
    files,
    deletions,
  }: {
    owner: string;
    repo: string;
    baseTree: string;
    files: Readonly<Record<string, string>>;
    deletions: readonly string[];
  },
): Promise<string> {
  const tree = await gitHubCall(`${owner}/${repo}`)('create the tree', () =>
    octokit.rest.git.createTree({
      owner,
      repo,
      base_tree: baseTree,
      tree: [
        ...deletions.map((path) => ({ path, mode: '100644' as const, type: 'blob' as const, sha: null })),
        ...Object.entries(files).map(([path, content]) => ({
          path,
          mode: '100644' as const,
          type: 'blob' as const,
          content,
        })),
      ],
    }),
  );
  return tree.data.sha;
}
