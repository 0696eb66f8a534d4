/**
 * A fake GitLab (`/api/v4`) for the operations of `test/fixtures/gitlab-openapi/routes.json`, extracted from GitLab's
 * own description (see its README): every request and answer is checked against it. Authentication is
 * `PRIVATE-TOKEN` or `Bearer`; errors are `{ message }`; listings page with `page`/`per_page`, a `Link` header and
 * `x-next-page`. Creating a commit and posting a status answer 200, as the description documents them.
 */
import * as path from 'path';
import { FakeHostBase } from '../host-server/fake-host';
import { FakeRepo, FakeRequest, FakeStatus } from '../host-server/repo-state';
import { FakeHttpError, Handler, HandlerContext, HostServer, Reply, presentedToken } from '../host-server/server';
import { loadFixture } from '../host-server/swagger2';

const FIXTURE = path.resolve(__dirname, '..', '..', 'fixtures', 'gitlab-openapi', 'routes.json');
const LOGIN = 'kalypso-bot';

export class GitLabServer extends FakeHostBase {
  public static async start(props: { token?: string } = {}): Promise<GitLabServer> {
    const server = await HostServer.listen({
      name: 'GitLab',
      fixture: loadFixture(FIXTURE),
      basePath: '/api/v4',
      token: props.token ?? 'glpat-fake_gitlab_test_token',
      authenticate: (headers, token) => headers['private-token'] === token || presentedToken(headers) === token,
      errorBody: (status, message) => ({ message: `${status} ${message}` }),
      rateLimitHeaders: (retryAfter) => ({
        'ratelimit-remaining': '0',
        'ratelimit-reset': String(Math.floor(Date.now() / 1000) + retryAfter),
      }),
      handlers: HANDLERS,
    });
    server.createRepo('group/sub', 'gitops');
    return new GitLabServer(server, 'group/sub', 'gitops');
  }

  private constructor(server: HostServer, owner: string, name: string) {
    super(server, owner, name);
  }

  /** The instance root the adapter is given (it adds `/api/v4`). */
  public get instanceUrl(): string {
    return this.server.origin;
  }

  /** What Flux's `gitlab` provider posts: the id as `name`, `success` or `failed`. */
  public postFluxStatus(sha: string, id: string, healthy: boolean, description: string): void {
    this.pushStatus({ sha, identity: id, name: id, state: healthy ? 'success' : 'failed', description, targetUrl: '' });
  }
}

function repoOf(ctx: HandlerContext): FakeRepo {
  const parts = ctx.params.id.split('/');
  return ctx.server.repo(parts.slice(0, -1).join('/'), parts[parts.length - 1]);
}

function commitJson(repo: FakeRepo, sha: string) {
  const commit = repo.commitObject(sha)!;
  return {
    id: sha,
    short_id: sha.slice(0, 8),
    title: commit.message.split('\n')[0],
    message: commit.message,
    parent_ids: commit.parents,
    created_at: commit.committer.date,
    author_name: commit.author.name,
  };
}

function mrJson(ctx: HandlerContext, repo: FakeRepo, request: FakeRequest) {
  return {
    id: request.id,
    iid: request.number,
    title: request.title,
    description: request.body,
    state: request.state === 'open' ? 'opened' : request.state,
    source_branch: request.head,
    target_branch: request.base,
    labels: request.labels,
    author: { username: request.author },
    ...(repo.branches.has(request.head) ? { sha: repo.branches.get(request.head) } : {}),
    web_url: `${ctx.server.origin}/${repo.owner}/${repo.name}/-/merge_requests/${request.number}`,
  };
}

function statusJson(item: FakeStatus) {
  return {
    id: item.id,
    sha: item.sha,
    status: item.state,
    name: item.name,
    description: item.description,
    ...(item.targetUrl ? { target_url: item.targetUrl } : {}),
    created_at: item.createdAt,
    author: { username: item.creator },
  };
}

function page(ctx: HandlerContext, items: readonly unknown[]): Reply {
  const perPage = Math.min(Number(ctx.query.get('per_page') ?? 20), 100);
  const number = Number(ctx.query.get('page') ?? 1);
  const totalPages = Math.max(Math.ceil(items.length / perPage), 1);
  const headers: Record<string, string> = {
    'x-page': String(number),
    'x-per-page': String(perPage),
    'x-total': String(items.length),
    'x-total-pages': String(totalPages),
  };
  if (number < totalPages) {
    const next = new URL(ctx.url.toString());
    next.searchParams.set('page', String(number + 1));
    headers['x-next-page'] = String(number + 1);
    headers.link = `<${next.toString()}>; rel="next"`;
  }
  return { status: 200, body: items.slice((number - 1) * perPage, number * perPage), headers };
}

function commitOf(repo: FakeRepo, ref: string): string {
  const sha = repo.resolve(ref);
  if (!sha) throw new FakeHttpError(404, 'Commit Not Found');
  return sha;
}

function requestOf(repo: FakeRepo, iid: string): FakeRequest {
  const found = repo.requests.find((r) => r.number === Number(iid));
  if (!found) throw new FakeHttpError(404, 'Not found');
  return found;
}

const csv = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const HANDLERS: Record<string, Handler> = {
  getApiV4ProjectsIdRepositoryBranchesBranch: (ctx) => {
    const repo = repoOf(ctx);
    const sha = repo.branches.get(ctx.params.branch);
    if (!sha) throw new FakeHttpError(404, 'Branch Not Found');
    return {
      status: 200,
      body: {
        name: ctx.params.branch,
        commit: commitJson(repo, sha),
        merged: false,
        protected: false,
        default: ctx.params.branch === repo.defaultBranch,
      },
    };
  },
  deleteApiV4ProjectsIdRepositoryBranchesBranch: (ctx) => {
    if (!repoOf(ctx).branches.delete(ctx.params.branch)) throw new FakeHttpError(404, 'Branch Not Found');
    return { status: 204 };
  },
  getApiV4ProjectsIdRepositoryTree: (ctx) => {
    const repo = repoOf(ctx);
    const sha = commitOf(repo, ctx.query.get('ref') ?? repo.defaultBranch);
    const recursive = ctx.query.get('recursive') === 'true';
    const entries = repo.git.walk(repo.commitObject(sha)!.tree).filter((e) => recursive || !e.path.includes('/'));
    return page(
      ctx,
      entries.map((e) => ({ id: e.sha, name: e.name, type: e.type, path: e.path, mode: e.mode })),
    );
  },
  getApiV4ProjectsIdRepositoryBlobsShaRaw: (ctx) => {
    const blob = repoOf(ctx).git.blob(ctx.params.sha);
    if (!blob) throw new FakeHttpError(404, 'Blob Not Found');
    return { status: 200, raw: { contentType: 'text/plain; charset=utf-8', data: blob.content } };
  },
  getApiV4ProjectsIdRepositoryCommitsSha: (ctx) => {
    const repo = repoOf(ctx);
    return { status: 200, body: commitJson(repo, commitOf(repo, ctx.params.sha)) };
  },
  postApiV4ProjectsIdRepositoryCommits: (ctx) => {
    const repo = repoOf(ctx);
    const body = ctx.body as {
      branch: string;
      commit_message: string;
      start_sha?: string;
      start_branch?: string;
      force?: boolean;
      actions: { action: string; file_path: string; content?: string; encoding?: string }[];
    };
    const exists = repo.branches.has(body.branch);
    const start = body.start_sha ?? (body.start_branch ? repo.branches.get(body.start_branch) : undefined);
    if ((body.start_sha || body.start_branch) && exists && !body.force) {
      throw new FakeHttpError(
        400,
        `A branch called '${body.branch}' already exists. Switch to that branch in order to make changes`,
      );
    }
    const parent = start ?? repo.branches.get(body.branch);
    if (!parent || !repo.commitObject(parent))
      throw new FakeHttpError(400, 'You can only create or edit files when you are on a branch');
    const current = repo.files(parent);
    const writes = new Map<string, Buffer>();
    const deletions: string[] = [];
    for (const action of body.actions) {
      if (action.action === 'create' && current.has(action.file_path))
        throw new FakeHttpError(400, 'A file with this name already exists');
      if ((action.action === 'update' || action.action === 'delete') && !current.has(action.file_path))
        throw new FakeHttpError(400, "A file with this name doesn't exist");
      if (action.action === 'delete') deletions.push(action.file_path);
      else
        writes.set(
          action.file_path,
          Buffer.from(action.content ?? '', action.encoding === 'base64' ? 'base64' : 'utf-8'),
        );
    }
    const commit = repo.commit(repo.treeWith(parent, writes, deletions), [parent], body.commit_message);
    repo.branches.set(body.branch, commit);
    return { status: 200, body: commitJson(repo, commit) };
  },
  getApiV4ProjectsIdMergeRequests: (ctx) => {
    const repo = repoOf(ctx);
    const state = ctx.query.get('state') ?? 'all';
    const source = ctx.query.get('source_branch');
    const target = ctx.query.get('target_branch');
    const found = repo.requests.filter(
      (r) =>
        (state === 'all' || (state === 'opened') === (r.state === 'open')) &&
        (!source || r.head === source) &&
        (!target || r.base === target),
    );
    return page(
      ctx,
      found.map((r) => mrJson(ctx, repo, r)),
    );
  },
  postApiV4ProjectsIdMergeRequests: (ctx) => {
    const repo = repoOf(ctx);
    const body = ctx.body as {
      source_branch: string;
      target_branch: string;
      title: string;
      description?: string;
      labels?: string;
    };
    const open = repo.requests.find(
      (r) => r.state === 'open' && r.head === body.source_branch && r.base === body.target_branch,
    );
    if (open)
      throw new FakeHttpError(409, `Another open merge request already exists for this source branch: !${open.number}`);
    if (!repo.branches.has(body.source_branch)) throw new FakeHttpError(404, 'Source branch not found');
    const now = new Date().toISOString();
    const request: FakeRequest = {
      number: repo.nextNumber(),
      id: repo.nextId(),
      state: 'open',
      title: body.title,
      body: body.description ?? '',
      head: body.source_branch,
      base: body.target_branch,
      author: LOGIN,
      labels: csv(body.labels),
      createdAt: now,
      updatedAt: now,
    };
    repo.requests.push(request);
    return { status: 201, body: mrJson(ctx, repo, request) };
  },
  putApiV4ProjectsIdMergeRequestsMergeRequestIid: (ctx) => {
    const repo = repoOf(ctx);
    const request = requestOf(repo, ctx.params.merge_request_iid);
    const body = ctx.body as {
      title?: string;
      description?: string;
      labels?: string;
      add_labels?: string;
      remove_labels?: string;
      state_event?: string;
    };
    if (body.title !== undefined) request.title = body.title;
    if (body.description !== undefined) request.body = body.description;
    if (body.labels !== undefined) request.labels = csv(body.labels);
    for (const label of csv(body.add_labels)) if (!request.labels.includes(label)) request.labels.push(label);
    const removed = csv(body.remove_labels).map((l) => l.toLowerCase());
    request.labels = request.labels.filter((label) => !removed.includes(label.toLowerCase()));
    if (body.state_event === 'close') request.state = 'closed';
    request.updatedAt = new Date().toISOString();
    return { status: 200, body: mrJson(ctx, repo, request) };
  },
  getApiV4ProjectsIdRepositoryCommitsShaStatuses: (ctx) => {
    const repo = repoOf(ctx);
    const sha = commitOf(repo, ctx.params.sha);
    const all = ctx.query.get('all') === 'true';
    const statuses = all ? repo.statuses.filter((s) => s.sha === sha) : repo.latestStatuses(sha);
    return page(ctx, statuses.map(statusJson));
  },
  postApiV4ProjectsIdStatusesSha: (ctx) => {
    const repo = repoOf(ctx);
    const sha = commitOf(repo, ctx.params.sha);
    const body = ctx.body as {
      state: string;
      name?: string;
      context?: string;
      description?: string;
      target_url?: string;
    };
    const name = body.name ?? body.context ?? 'default';
    const item: FakeStatus = {
      id: repo.nextId(),
      sha,
      identity: name,
      name,
      state: body.state,
      description: body.description ?? '',
      targetUrl: body.target_url ?? '',
      creator: LOGIN,
      createdAt: new Date().toISOString(),
    };
    repo.statuses.push(item);
    return { status: 200, body: statusJson(item) };
  },
};
