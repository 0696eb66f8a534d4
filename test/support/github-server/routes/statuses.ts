/** Commit statuses: create, list for a ref, and the combined status of a ref. */
import { bodyOf, HttpError, paginate, pageReply, repoOf, RouteHandler, stringParam } from '../http';
import { renderRepository, renderStatus, repoApiUrl } from '../render';
import { RepoState, StatusState } from '../state';
import { commitOrFail } from './commits';
import { compareStrings } from '../../../../src/core/model/order';

/** The newest status of each context, in context order. */
export function latestPerContext(repo: RepoState, sha: string): StatusState[] {
  const latest = new Map<string, StatusState>();
  for (const status of repo.statuses) {
    if (status.sha === sha) {
      latest.set(status.context, status);
    }
  }
  return [...latest.values()].sort((a, b) => compareStrings(a.context, b.context));
}

/** GitHub's combined state: failure if any error or failure, pending if any pending or none, else success. */
export function combinedState(statuses: readonly StatusState[]): 'failure' | 'pending' | 'success' {
  if (statuses.some((s) => s.state === 'error' || s.state === 'failure')) {
    return 'failure';
  }
  if (statuses.length === 0 || statuses.some((s) => s.state === 'pending')) {
    return 'pending';
  }
  return 'success';
}

export const statusRoutes: Record<string, RouteHandler> = {
  'repos/create-commit-status': (ctx) => {
    const repo = repoOf(ctx);
    const sha = stringParam(ctx, 'sha').toLowerCase();
    if (!repo.git.commit(sha)) {
      throw new HttpError(422, `No commit found for SHA: ${stringParam(ctx, 'sha')}`);
    }
    const body = bodyOf(ctx) as {
      state: StatusState['state'];
      target_url?: string | null;
      description?: string | null;
      context?: string;
    };
    const status: StatusState = {
      id: ctx.world.nextId(),
      sha,
      state: body.state,
      context: body.context ?? 'default',
      description: body.description ?? null,
      targetUrl: body.target_url ?? null,
      creator: ctx.world.viewer,
      createdAt: ctx.world.now(),
    };
    repo.statuses.push(status);
    return { status: 201, body: renderStatus(ctx.world, repo, status, true) };
  },

  'repos/list-commit-statuses-for-ref': (ctx) => {
    const repo = repoOf(ctx);
    const commit = commitOrFail(repo, stringParam(ctx, 'ref'));
    const statuses = repo.statuses.filter((s) => s.sha === commit.sha).reverse();
    return pageReply(
      ctx,
      statuses.map((s) => renderStatus(ctx.world, repo, s, true)),
    );
  },

  'repos/get-combined-status-for-ref': (ctx) => {
    const repo = repoOf(ctx);
    const commit = commitOrFail(repo, stringParam(ctx, 'ref'));
    const latest = latestPerContext(repo, commit.sha);
    const page = paginate(ctx, latest, 100);
    const url = repoApiUrl(ctx.world, repo);
    return {
      status: 200,
      headers: page.headers,
      body: {
        state: combinedState(latest),
        statuses: page.items.map((s) => renderStatus(ctx.world, repo, s, false)),
        sha: commit.sha,
        total_count: latest.length,
        repository: renderRepository(ctx.world, repo, 'minimal'),
        commit_url: `${url}/commits/${commit.sha}`,
        url: `${url}/commits/${commit.sha}/status`,
      },
    };
  },
};
