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
export async function readBranchTree(octokit: Octokit, { owner, repo, branch }: BranchRef): Promise<BranchTree | undefined> {
  const where = `${owner}/${repo}`;
  const commit = await branchCommit(octokit, { owner, repo, branch });
  if (!commit) return undefined;
  const tree = await octokit.rest.git.getCommit({ owner, repo, commit_sha: commit }).catch((e: unknown) => {
    throw toGitHubError(e, `read commit ${commit} of ${where}`);
  });
  const listing = await octokit.rest.git.getTree({ owner, repo, tree_sha: tree.data.tree.sha, recursive: 'true' }).catch((e: unknown) => {
    throw toGitHubError(e, `list the files of ${where}@${branch}`);
  });
  if (listing.data.truncated) {
    throw new GitHubError(`${where}@${branch} has more files than GitHub's tree API lists at once; publish it with --push instead`);
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
export async function readBlobs(octokit: Octokit, { owner, repo }: { owner: string; repo: string }, shas: Iterable<string>): Promise<Map<string, Buffer>> {
  const blobs = new Map<string, Buffer>();
  for (const sha of new Set(shas)) {
    const blob = await octokit.rest.git.getBlob({ owner, repo, file_sha: sha }).catch((e: unknown) => {
      throw toGitHubError(e, `read blob ${sha} of ${owner}/${repo}`);
    });
    blobs.set(sha, Buffer.from(blob.data.content, blob.data.encoding === 'base64' ? 'base64' : 'utf8'));
  }
  return blobs;
}
