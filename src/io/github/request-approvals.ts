import type { Octokit } from '@octokit/rest' with { 'resolution-mode': 'import' };
import { toGitHubError } from './github-error';
import type { RequestApproval } from '../hosts/pull-request-host';

/**
 * The approvals of the newest merged pull request from `head` into `base` whose description carries `marker`: each
 * reviewer's latest review, when it approves. None when there is no such pull request. Only the 30 pull requests from
 * `head` updated last are looked at, so the cost does not grow with the repository's history.
 */
export async function requestApprovals(
  octokit: Octokit,
  props: { owner: string; repo: string; head: string; base: string; marker: string },
): Promise<RequestApproval[]> {
  const { owner, repo, head, base, marker } = props;
  const where = `pull requests from ${head} into ${base} in ${owner}/${repo}`;
  const pulls = await octokit.rest.pulls
    .list({ owner, repo, state: 'closed', head: `${owner}:${head}`, base, sort: 'updated', direction: 'desc' })
    .catch((e: unknown) => {
      throw toGitHubError(e, `list the ${where}`);
    });
  const merged = pulls.data
    .filter((pull) => pull.merged_at && (pull.body ?? '').includes(marker))
    .sort((a, b) => Date.parse(b.merged_at!) - Date.parse(a.merged_at!))[0];
  if (!merged) return [];
  const reviews = await octokit
    .paginate(octokit.rest.pulls.listReviews, { owner, repo, pull_number: merged.number, per_page: 100 })
    .catch((e: unknown) => {
      throw toGitHubError(e, `read the reviews of pull request #${merged.number} in ${owner}/${repo}`);
    });
  const latest = new Map<string, (typeof reviews)[number]>();
  for (const review of reviews) {
    const login = review.user?.login;
    if (login && review.state !== 'COMMENTED') latest.set(login, review);
  }
  return [...latest.entries()]
    .filter(([, review]) => review.state === 'APPROVED')
    .map(([by, review]) => ({ by, at: review.submitted_at ?? merged.merged_at!, request: merged.number }));
}
