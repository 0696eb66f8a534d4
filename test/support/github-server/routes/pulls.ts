/** Pull requests: list, create, get, update and merge. */
import { bodyOf, HttpError, notFound, pageReply, repoOf, RouteContext, RouteHandler, validationFailed } from '../http';
import { renderPull, renderReview, repoApiUrl } from '../render';
import { closePull, MergeMethod, mergePull, openPull, reopenPull } from '../repo-ops';
import { PullState, RepoState } from '../state';

function pullOf(ctx: RouteContext, repo: RepoState): PullState {
  const pull = repo.issues.get(Number(ctx.params.pull_number))?.pull;
  if (!pull) {
    throw notFound();
  }
  return pull;
}

/** `head` filter: `owner:branch`, or just `owner` (every branch of that owner). */
function matchesHead(repo: RepoState, pull: PullState, filter: string): boolean {
  const colon = filter.indexOf(':');
  const owner = colon >= 0 ? filter.slice(0, colon) : filter;
  if (owner.toLowerCase() !== repo.owner.login.toLowerCase()) {
    return false;
  }
  return colon < 0 || pull.head === filter.slice(colon + 1);
}

export const pullRoutes: Record<string, RouteHandler> = {
  'pulls/list': (ctx) => {
    const repo = repoOf(ctx);
    const state = (ctx.query.state as string | undefined) ?? 'open';
    const head = ctx.query.head as string | undefined;
    const base = ctx.query.base as string | undefined;
    const sort = (ctx.query.sort as string | undefined) ?? 'created';
    const direction = (ctx.query.direction as string | undefined) ?? (sort === 'created' ? 'desc' : 'asc');
    const pulls = repo
      .pulls()
      .filter((p) => state === 'all' || p.state === state)
      .filter((p) => head === undefined || matchesHead(repo, p, head))
      .filter((p) => base === undefined || p.base === base);
    const key = (p: PullState): string => (sort === 'updated' ? p.updatedAt : p.createdAt);
    pulls.sort((a, b) => (key(a) === key(b) ? a.number - b.number : key(a) < key(b) ? -1 : 1));
    if (direction === 'desc') {
      pulls.reverse();
    }
    const reply = pageReply(ctx, pulls);
    return { ...reply, body: (reply.body as PullState[]).map((p) => renderPull(ctx.world, repo, p, true)) };
  },

  'pulls/create': (ctx) => {
    const repo = repoOf(ctx);
    const body = bodyOf(ctx) as {
      title?: string;
      head: string;
      base: string;
      body?: string;
      draft?: boolean;
      maintainer_can_modify?: boolean;
      issue?: number;
    };
    if (body.issue !== undefined) {
      throw validationFailed({
        resource: 'PullRequest',
        field: 'issue',
        code: 'invalid',
        message: 'converting issues to pull requests is not supported by the fake GitHub',
      });
    }
    if (body.title === undefined || body.title.trim() === '') {
      throw validationFailed({ resource: 'PullRequest', field: 'title', code: 'missing_field' });
    }
    const pull = openPull(ctx.world, repo, {
      user: ctx.world.viewer,
      head: body.head,
      base: body.base,
      title: body.title,
      body: body.body,
      draft: body.draft,
      maintainerCanModify: body.maintainer_can_modify,
    });
    return {
      status: 201,
      body: renderPull(ctx.world, repo, pull, false),
      headers: { location: `${repoApiUrl(ctx.world, repo)}/pulls/${pull.number}` },
    };
  },

  'pulls/get': (ctx) => {
    const repo = repoOf(ctx);
    return { status: 200, body: renderPull(ctx.world, repo, pullOf(ctx, repo), false) };
  },

  'pulls/update': (ctx) => {
    const repo = repoOf(ctx);
    const pull = pullOf(ctx, repo);
    const body = bodyOf(ctx) as {
      title?: string;
      body?: string;
      state?: 'open' | 'closed';
      base?: string;
      maintainer_can_modify?: boolean;
    };
    if (body.base !== undefined && body.base !== pull.base) {
      if (!repo.branchSha(body.base)) {
        throw validationFailed({ resource: 'PullRequest', field: 'base', code: 'invalid' });
      }
      if (
        pull.state === 'open' &&
        repo.pulls().some((p) => p !== pull && p.state === 'open' && p.head === pull.head && p.base === body.base)
      ) {
        throw validationFailed({
          resource: 'PullRequest',
          code: 'custom',
          message: `A pull request already exists for ${repo.owner.login}:${pull.head}.`,
        });
      }
      pull.base = body.base;
    }
    if (body.title !== undefined) {
      pull.title = body.title;
    }
    if (body.body !== undefined) {
      pull.body = body.body;
    }
    if (body.maintainer_can_modify !== undefined) {
      pull.maintainerCanModify = body.maintainer_can_modify;
    }
    if (body.state === 'closed' && pull.state === 'open') {
      closePull(ctx.world, repo, pull);
    } else if (body.state === 'open' && pull.state === 'closed') {
      reopenPull(ctx.world, repo, pull);
    }
    pull.updatedAt = ctx.world.now();
    return { status: 200, body: renderPull(ctx.world, repo, pull, false) };
  },

  'pulls/merge': (ctx) => {
    const repo = repoOf(ctx);
    const pull = pullOf(ctx, repo);
    const body = bodyOf(ctx) as {
      commit_title?: string;
      commit_message?: string;
      sha?: string;
      merge_method?: MergeMethod;
    };
    if (pull.draft) {
      throw new HttpError(405, 'Pull Request is still a draft');
    }
    const sha = mergePull(ctx.world, repo, pull, {
      by: ctx.world.viewer,
      method: body.merge_method,
      commitTitle: body.commit_title,
      commitMessage: body.commit_message,
      sha: body.sha,
    });
    return { status: 200, body: { sha, merged: true, message: 'Pull Request successfully merged' } };
  },

  'pulls/list-reviews': (ctx) => {
    const repo = repoOf(ctx);
    const pull = pullOf(ctx, repo);
    const reviews = repo.reviews.filter((review) => review.pullNumber === pull.number);
    const reply = pageReply(ctx, reviews);
    return { ...reply, body: (reply.body as typeof reviews).map((review) => renderReview(ctx.world, repo, review)) };
  },
};
