import type { Octokit } from '@octokit/rest' with { 'resolution-mode': 'import' };
import { GitHubRepository } from '../../io/github/repository-url';
import { commitStatuses } from '../../io/github/commit-status';
import { ClusterObservation } from './compliance';
import { ComplianceSource } from './compliance-source';
import { observeCommitStatuses } from './flux-commit-statuses';

export interface GitHubStatusSourceProps {
  readonly octokit: Octokit;
  /** The platform GitOps repository on GitHub. */
  readonly repository: GitHubRepository;
  /** The platform GitOps commit. */
  readonly commit: string;
  /** Cluster ids (or whole contexts) of the statuses expected, one per cluster. */
  readonly expected: readonly string[];
}

/**
 * Reads the commit statuses Flux's notification-controller posted on the platform GitOps commit
 * (`kustomization/<name>/<cluster id>`) and judges them against the expected clusters (`observeCommitStatuses`).
 */
export class GitHubStatusComplianceSource implements ComplianceSource {
  public readonly description: string;

  public constructor(private readonly props: GitHubStatusSourceProps) {
    this.description = `commit statuses of ${props.repository.owner}/${props.repository.repo}`;
  }

  public async observe(): Promise<ClusterObservation[]> {
    const { octokit, repository, commit, expected } = this.props;
    const statuses = await commitStatuses(octokit, { ...repository, ref: commit });
    return observeCommitStatuses(
      [...statuses.values()].map((status) => ({
        context: status.context,
        state: status.state,
        description: status.description,
      })),
      expected,
    );
  }
}
