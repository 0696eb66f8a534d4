import type { Octokit } from '@octokit/rest' with { 'resolution-mode': 'import' };
import { readBlobs, readBranchTree } from '../../io/github/branch-tree';
import { GitHubError } from '../../io/github/github-error';
import { openPullRequest } from '../../io/github/pull-request';
import { isEmptyChangeSet } from './change-set';
import { ownershipMarker } from './pull-request-text';
import { Proposal, PublishOutcome, PublishTarget, TargetBranch } from './publish';

/** The label of pull requests that promote a new control-plane commit (reference §9.2). */
export const PROMOTED_LABEL = { name: 'promoted', color: '0E8A16', description: 'Promotes a new control-plane commit' };

/** The branch kalypso-cdk8s owns for an environment's pull request. */
export function headBranch(environment: string): string {
  return `kalypso/${environment}`;
}

export interface GitHubTargetProps {
  readonly owner: string;
  readonly repo: string;
  /** The GitOpsRepo branch: base of the pull request. */
  readonly branch: string;
  readonly environment: string;
}

/** Publishes as the environment's pull request on GitHub (one commit on `kalypso/<environment>`). */
export class GitHubTarget implements PublishTarget {
  public readonly description: string;

  public constructor(
    private readonly octokit: Octokit,
    private readonly props: GitHubTargetProps,
  ) {
    this.description = `${props.owner}/${props.repo} branch ${props.branch}`;
  }

  public async read(): Promise<TargetBranch> {
    const { owner, repo, branch } = this.props;
    const tree = await readBranchTree(this.octokit, { owner, repo, branch });
    if (!tree)
      throw new GitHubError(`branch ${branch} does not exist in ${owner}/${repo}; create it before publishing`);
    return {
      commit: tree.commit,
      treeId: tree.tree,
      tree: { blobs: tree.blobs },
      readContents: async (paths) => {
        const ids = paths.map((path) => tree.blobs.get(path)).filter((id): id is string => id !== undefined);
        const blobs = await readBlobs(this.octokit, { owner, repo }, ids);
        return new Map(
          paths
            .filter((path) => tree.blobs.has(path))
            .map((path) => [path, blobs.get(tree.blobs.get(path)!)!.toString('utf8')]),
        );
      },
    };
  }

  public async apply(branch: TargetBranch, proposal: Proposal): Promise<PublishOutcome> {
    const { owner, repo } = this.props;
    const empty = isEmptyChangeSet(proposal.changes);
    const outcome = await openPullRequest(this.octokit, {
      owner,
      repo,
      base: this.props.branch,
      head: headBranch(this.props.environment),
      title: proposal.title,
      body: proposal.body,
      commitMessage: proposal.commitMessage,
      files: empty ? {} : proposal.changes.writes,
      deletions: empty ? [] : proposal.changes.deleted,
      marker: ownershipMarker(this.props.environment),
      labels: proposal.promoted ? [PROMOTED_LABEL] : [],
      removeLabels: proposal.promoted ? [] : [PROMOTED_LABEL.name],
      baseTree: { commit: branch.commit, tree: branch.treeId },
    });
    return { kind: 'pull-request', ...outcome };
  }
}
