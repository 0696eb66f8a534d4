import type { Octokit } from '@octokit/rest' with { 'resolution-mode': 'import' };
import { readBlobs, readBranchTree, readCommitTree } from '../../github/branch-tree';
import { commitStatuses, setCommitStatus } from '../../github/commit-status';
import { commitToBranch } from '../../github/commit-to-branch';
import { openPullRequest } from '../../github/pull-request';
import { requestApprovals } from '../../github/request-approvals';
import {
  ApprovalQuery,
  BranchCommit,
  BranchSnapshot,
  ChangeProposal,
  CommitStatus,
  HostKind,
  PullRequestHost,
  ReadCommitStatus,
  RequestApproval,
  RequestOutcome,
} from '../pull-request-host';

export interface GitHubHostProps {
  readonly owner: string;
  readonly repo: string;
}

/**
 * GitHub behind the port: the Git Data API and pull requests as `src/io/github/` has always done them (one tree on
 * the base, one commit, the head ref force-moved), so publishing through the port behaves as before.
 */
export class GitHubHost implements PullRequestHost {
  public readonly kind = HostKind.GITHUB;
  public readonly description: string;

  public constructor(
    private readonly octokit: Octokit,
    private readonly props: GitHubHostProps,
  ) {
    this.description = `${props.owner}/${props.repo} on GitHub`;
  }

  public async readBranch(branch: string): Promise<BranchSnapshot | undefined> {
    const tree = await readBranchTree(this.octokit, { ...this.props, branch });
    return tree ? { branch, commit: tree.commit, treeId: tree.tree, blobs: tree.blobs } : undefined;
  }

  public async readCommit(commit: string): Promise<BranchSnapshot> {
    const tree = await readCommitTree(this.octokit, this.props, commit);
    return { branch: commit, commit, treeId: tree.tree, blobs: tree.blobs };
  }

  public async readFiles(branch: BranchSnapshot, paths: readonly string[]): Promise<Map<string, string>> {
    const known = paths.filter((path) => branch.blobs.has(path));
    const blobs = await readBlobs(
      this.octokit,
      this.props,
      known.map((path) => branch.blobs.get(path)!),
    );
    return new Map(known.map((path) => [path, blobs.get(branch.blobs.get(path)!)!.toString('utf8')]));
  }

  public commitToBranch(change: BranchCommit): Promise<string | undefined> {
    return commitToBranch(this.octokit, { ...this.props, ...change });
  }

  public async proposeChange(change: ChangeProposal): Promise<RequestOutcome> {
    const { base } = change;
    const baseTree = base.treeId ? { commit: base.commit, tree: base.treeId } : undefined;
    return openPullRequest(this.octokit, {
      ...this.props,
      base: base.branch,
      head: change.head,
      title: change.title,
      body: change.body,
      commitMessage: change.commitMessage,
      files: change.files,
      deletions: change.deletions,
      marker: change.marker,
      labels: change.labels ?? [],
      removeLabels: change.removeLabels ?? [],
      ...(baseTree ? { baseTree } : {}),
    });
  }

  public setStatus(commit: string, status: CommitStatus): Promise<void> {
    return setCommitStatus(this.octokit, { ...this.props, sha: commit }, status);
  }

  public async readStatuses(commit: string): Promise<ReadCommitStatus[]> {
    return [...(await commitStatuses(this.octokit, { ...this.props, ref: commit })).values()];
  }

  public readApprovals(query: ApprovalQuery): Promise<RequestApproval[]> {
    return requestApprovals(this.octokit, { ...this.props, ...query });
  }
}
