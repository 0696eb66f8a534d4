import { PullRequestHost } from '../../io/hosts/pull-request-host';
import { PromotionStatus } from './status-contract';

/** Where the statuses of promoted commits are read and set. */
export interface StatusBoard {
  /** The repository, for messages. */
  readonly description: string;
  /** The newest status of a context on a commit, if any. */
  current(commit: string, context: string): Promise<PromotionStatus | undefined>;
  set(commit: string, status: PromotionStatus): Promise<void>;
}

/** Commit statuses of a repository on its Git host (GitHub and Gitea statuses, GitLab's, Azure DevOps', Bitbucket's build statuses). */
export class HostStatusBoard implements StatusBoard {
  public constructor(
    private readonly host: PullRequestHost,
    /** The repository as messages name it: `org/control-plane`. */
    public readonly description: string,
  ) {}

  public async current(commit: string, context: string): Promise<PromotionStatus | undefined> {
    const status = (await this.host.readStatuses(commit)).find((candidate) => candidate.context === context);
    return status ? { state: status.state, context: status.context, description: status.description ?? '' } : undefined;
  }

  public async set(commit: string, status: PromotionStatus): Promise<void> {
    await this.host.setStatus(commit, status);
  }
}
