import { HostError } from '../../io/hosts/host-error';
import { BranchSnapshot, PullRequestHost } from '../../io/hosts/pull-request-host';
import { isEmptyChangeSet } from './change-set';
import { ownershipMarker } from './pull-request-text';
import { Proposal, PublishOutcome, PublishTarget, TargetBranch } from './publish';

export { requestName, requestNoun } from '../../io/hosts/host-names';

/** The label of requests that promote a new control-plane commit, as upstream Kalypso's pull requests carry it. */
export const PROMOTED_LABEL = { name: 'promoted', color: '0E8A16', description: 'Promotes a new control-plane commit' };

/** The branch kalypso-cdk8s owns for an environment's pull request. */
export function headBranch(environment: string): string {
  return `kalypso/${environment}`;
}

export interface HostTargetProps {
  /** The repository as messages name it: `org/gitops`. */
  readonly repository: string;
  /** The GitOpsRepo branch: base of the request. */
  readonly branch: string;
  readonly environment: string;
  /** The request's branch. @default headBranch(environment) */
  readonly head?: string;
  /** The text that marks the request as the caller's. @default ownershipMarker(environment) */
  readonly marker?: string;
}

/**
 * Publishes as the environment's request on its Git host (a pull request, or a merge request on GitLab): one commit
 * on `kalypso/<environment>` parented on the branch as read, proposed through the host's adapter, which keeps only
 * the request it marked as its own and leaves every other alone.
 */
export class HostTarget implements PublishTarget {
  public readonly description: string;
  private base?: BranchSnapshot;

  public constructor(
    private readonly host: PullRequestHost,
    private readonly props: HostTargetProps,
  ) {
    this.description = `${props.repository} branch ${props.branch}`;
  }

  public async read(): Promise<TargetBranch> {
    const { repository, branch } = this.props;
    const base = await this.host.readBranch(branch);
    if (!base) throw new HostError(`branch ${branch} does not exist in ${repository}; create it before publishing`);
    this.base = base;
    return {
      commit: base.commit,
      tree: { blobs: base.blobs },
      readContents: (paths) => this.host.readFiles(base, paths),
    };
  }

  public async apply(_branch: TargetBranch, proposal: Proposal): Promise<PublishOutcome> {
    const base = this.base;
    if (!base) throw new Error('HostTarget.apply called before read');
    const empty = isEmptyChangeSet(proposal.changes);
    const outcome = await this.host.proposeChange({
      base,
      head: this.props.head ?? headBranch(this.props.environment),
      title: proposal.title,
      body: proposal.body,
      commitMessage: proposal.commitMessage,
      files: empty ? {} : proposal.changes.writes,
      deletions: empty ? [] : proposal.changes.deleted,
      marker: this.props.marker ?? ownershipMarker(this.props.environment),
      labels: proposal.promoted ? [PROMOTED_LABEL] : [],
      removeLabels: proposal.promoted ? [] : [PROMOTED_LABEL.name],
    });
    return { kind: 'pull-request', ...outcome };
  }
}
