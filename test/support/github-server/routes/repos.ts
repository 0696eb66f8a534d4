/** `GET /repos/{owner}/{repo}` and `GET /repos/{owner}/{repo}/branches/{branch}`. */
import { notFound, repoOf, RouteHandler, stringParam } from '../http';
import { renderBranch, renderRepository } from '../render';

export const repoRoutes: Record<string, RouteHandler> = {
  'repos/get': (ctx) => ({ status: 200, body: renderRepository(ctx.world, repoOf(ctx), 'full') }),

  'repos/get-branch': (ctx) => {
    const repo = repoOf(ctx);
    const branch = stringParam(ctx, 'branch');
    const sha = repo.branchSha(branch);
    if (!sha) {
      throw notFound('Branch not found');
    }
    return { status: 200, body: renderBranch(ctx.world, repo, branch, sha) };
  },
};
