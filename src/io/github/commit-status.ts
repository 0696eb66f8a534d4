import type { Octokit } from '@octokit/rest' with { 'resolution-mode': 'import' };
import { toGitHubError } from './github-error';

import type { CommitState, CommitStatus } from '../hosts/pull-request-host';

export type { CommitState, CommitStatus };

/** Sets a status on a commit. */
export async function setCommitStatus(
  octokit: Octokit,
  { owner, repo, sha }: { owner: string; repo: string; sha: string },
  status: CommitStatus,
): Promise<void> {
  await octokit.rest.repos
    .createCommitStatus({
      owner,
      repo,
      sha,
      state: status.state,
      context: status.context,
      ...(status.description !== undefined ? { description: status.description } : {}),
      ...(status.targetUrl !== undefined ? { target_url: status.targetUrl } : {}),
    })
    .catch((e: unknown) => {
      throw toGitHubError(e, `set status ${JSON.stringify(status.context)} on ${sha} in ${owner}/${repo}`);
    });
}

/** The newest status of each context of a commit (or branch), by context. */
export async function commitStatuses(
  octokit: Octokit,
  { owner, repo, ref }: { owner: string; repo: string; ref: string },
): Promise<Map<string, CommitStatus>> {
  const combined = await octokit.rest.repos
    .getCombinedStatusForRef({ owner, repo, ref, per_page: 100 })
    .catch((e: unknown) => {
      throw toGitHubError(e, `read the statuses of ${ref} in ${owner}/${repo}`);
    });
  return new Map(
    combined.data.statuses.map((status) => [
      status.context,
      {
        state: status.state as CommitState,
        context: status.context,
        ...(status.description !== null ? { description: status.description } : {}),
        ...(status.target_url !== null ? { targetUrl: status.target_url } : {}),
      },
    ]),
  );
}
