import { resolveFluxContexts } from '../../io/hosts/flux-statuses';
import { PullRequestHost } from '../../io/hosts/pull-request-host';
import { ClusterObservation } from './compliance';
import { ComplianceSource } from './compliance-source';
import { observeCommitStatuses } from './flux-commit-statuses';

export interface HostStatusSourceProps {
  /** The platform GitOps repository's host. */
  readonly host: PullRequestHost;
  /** The repository as messages name it: `org/gitops`. */
  readonly repository: string;
  /** The platform GitOps commit. */
  readonly commit: string;
  /** Cluster ids (or whole contexts) of the statuses expected, one per cluster. */
  readonly expected: readonly string[];
}

/**
 * Reads the commit statuses Flux's notification-controller posted on the platform GitOps commit
 * (`kustomization/<name>/<cluster id>`, kept as each host's provider keeps it, see `src/io/hosts/flux-statuses.ts`)
 * and judges them against the expected clusters (`observeCommitStatuses`).
 */
export class HostStatusComplianceSource implements ComplianceSource {
  public readonly description: string;

  public constructor(private readonly props: HostStatusSourceProps) {
    this.description = `commit statuses of ${props.repository}`;
  }

  public async observe(): Promise<ClusterObservation[]> {
    const { host, commit, expected } = this.props;
    const statuses = resolveFluxContexts(await host.readStatuses(commit), expected);
    return observeCommitStatuses(
      statuses.map((status) => ({ context: status.context, state: status.state, description: status.description })),
      expected,
    );
  }
}
