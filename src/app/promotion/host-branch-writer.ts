import { PullRequestHost } from '../../io/hosts/pull-request-host';
import { BranchFileWrite, BranchWriteOutcome, BranchWriter } from './branch-writer';

export interface HostBranchWriterProps {
  /** The repository as messages name it: `org/control-plane`. */
  readonly repository: string;
  readonly branch: string;
}

/** Writes through a Git host's API: one commit on the branch's tip, fast-forward only (`commitToBranch`). */
export class HostBranchWriter implements BranchWriter {
  public readonly description: string;

  public constructor(
    private readonly host: PullRequestHost,
    private readonly props: HostBranchWriterProps,
  ) {
    this.description = `${props.repository} branch ${props.branch}`;
  }

  public async write(file: BranchFileWrite): Promise<BranchWriteOutcome> {
    const commit = await this.host.commitToBranch({
      branch: this.props.branch,
      message: file.message,
      files: { [file.path]: file.content },
      deletions: [],
    });
    return commit ? { action: 'written', commit } : { action: 'unchanged' };
  }
}
