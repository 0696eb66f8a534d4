import type { Octokit } from '@octokit/rest' with { 'resolution-mode': 'import' };
import { commitStatuses, setCommitStatus } from '../../io/github/commit-status';
import { GitHubRepository } from '../../io/github/repository-url';
import { PromotionStatus } from './status-contract';

/** Where the statuses of promoted commits are read and set. */
export interface StatusBoard {
  /** The repository, for messages. */
  readonly description: string;
  /** The newest status of a context on a commit, if any. */
  current(commit: string, context: string): Promise<PromotionStatus | undefined>;
  set(commit: string, status: PromotionStatus): Promise<void>;
}

/** Commit statuses of a repository on GitHub. */
export class GitHubStatusBoard implements StatusBoard {
  public readonly description: string;

  public constructor(
    private readonly octokit: Octokit,
    private readonly repository: GitHubRepository,
  ) {
    this.description = `${repository.owner}/${repository.repo}`;
  }

  public async current(commit: string, context: string): Promise<PromotionStatus | undefined> {
    const status = (await commitStatuses(this.octokit, { ...this.repository, ref: commit })).get(context);
    return status ? { state: status.state, context: status.context, description: status.description ?? '' } : undefined;
  }

  public async set(commit: string, status: PromotionStatus): Promise<void> {
    await setCommitStatus(this.octokit, { ...this.repository, sha: commit }, status);
  }
}
