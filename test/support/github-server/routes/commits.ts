/** `GET /repos/{owner}/{repo}/commits/{ref}` and `GET /repos/{owner}/{repo}/compare/{basehead}`. */
import { GitCommit } from '../git-store';
import { HttpError, notFound, paginate, repoOf, RouteHandler, stringParam } from '../http';
import { encodePath, renderCommit, renderDiff, repoApiUrl, repoHtmlUrl } from '../render';
import { RepoState } from '../state';

/** A commit-ish or GitHub's answer for a missing one (422 for something that looks like a sha, else 404). */
export function commitOrFail(repo: RepoState, ref: string): GitCommit {
  const sha = repo.resolveCommit(ref);
  const commit = sha ? repo.git.commit(sha) : undefined;
  if (!commit) {
    throw /^[0-9a-f]{7,40}$/i.test(ref)
      ? new HttpError(422, `No commit found for SHA: ${ref}`)
      : notFound(`No commit found for the ref ${ref}`);
  }
  return commit;
}

/** One side of a `basehead` (`main`, `owner:main`); other owners would be forks, which are not modelled. */
function side(repo: RepoState, value: string): GitCommit {
  const colon = value.indexOf(':');
  if (colon >= 0 && value.slice(0, colon).toLowerCase() !== repo.owner.login.toLowerCase()) {
    throw notFound();
  }
  const ref = colon >= 0 ? value.slice(colon + 1) : value;
  const sha = repo.resolveCommit(ref);
  const commit = sha ? repo.git.commit(sha) : undefined;
  if (!commit) {
    throw notFound();
  }
  return commit;
}

export const commitRoutes: Record<string, RouteHandler> = {
  'repos/get-commit': (ctx) => {
    const repo = repoOf(ctx);
    const commit = commitOrFail(repo, stringParam(ctx, 'ref'));
    return { status: 200, body: renderCommit(ctx.world, repo, commit, true) };
  },

  'repos/compare-commits-with-basehead': (ctx) => {
    const repo = repoOf(ctx);
    const basehead = stringParam(ctx, 'basehead');
    const parts = basehead.split('...');
    if (parts.length !== 2 || parts[0] === '' || parts[1] === '') {
      throw notFound();
    }
    const base = side(repo, parts[0]);
    const head = side(repo, parts[1]);
    const mergeBaseSha = repo.git.mergeBase(base.sha, head.sha);
    if (!mergeBaseSha) {
      throw notFound(`No common ancestor between ${parts[0]} and ${parts[1]}.`);
    }
    const mergeBase = repo.git.commit(mergeBaseSha) as GitCommit;
    const ahead = repo.git.commitsBetween(base.sha, head.sha);
    const behind = repo.git.commitsBetween(head.sha, base.sha);
    const status =
      ahead.length === 0 && behind.length === 0
        ? 'identical'
        : behind.length === 0
          ? 'ahead'
          : ahead.length === 0
            ? 'behind'
            : 'diverged';
    const paged =
      ctx.query.page !== undefined || ctx.query.per_page !== undefined
        ? paginate(ctx, ahead)
        : { items: ahead.slice(0, 250), headers: {} };
    const url = repoApiUrl(ctx.world, repo);
    const html = repoHtmlUrl(ctx.world, repo);
    const owner = repo.owner.login;
    return {
      status: 200,
      headers: paged.headers,
      body: {
        url: `${url}/compare/${encodePath(basehead)}`,
        html_url: `${html}/compare/${encodePath(basehead)}`,
        permalink_url: `${html}/compare/${owner}:${base.sha.slice(0, 7)}...${owner}:${head.sha.slice(0, 7)}`,
        diff_url: `${html}/compare/${encodePath(basehead)}.diff`,
        patch_url: `${html}/compare/${encodePath(basehead)}.patch`,
        base_commit: renderCommit(ctx.world, repo, base, false),
        merge_base_commit: renderCommit(ctx.world, repo, mergeBase, false),
        status,
        ahead_by: ahead.length,
        behind_by: behind.length,
        total_commits: ahead.length,
        commits: paged.items.map((c) => renderCommit(ctx.world, repo, c, false)),
        files: renderDiff(ctx.world, repo, mergeBase.tree, head.tree, head.sha),
      },
    };
  },
};
