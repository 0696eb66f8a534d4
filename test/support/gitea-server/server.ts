/**
 * A fake Gitea (`/api/v1`) for the operations of `test/fixtures/gitea-openapi/routes.json`, every request and answer
 * checked against that description. Authentication is `Authorization: token …` (or `Bearer`); errors are
 * `{ message, url }`.
 */
import * as path from 'path';
import { FakeHostBase } from '../host-server/fake-host';
import { FakeRepo, FakeRequest, FakeStatus } from '../host-server/repo-state';
import { FakeHttpError, Handler, HandlerContext, HostServer, Reply, presentedToken } from '../host-server/server';
import { loadFixture } from '../host-server/swagger2';

const FIXTURE = path.resolve(__dirname, '..', '..', 'fixtures', 'gitea-openapi', 'routes.json');
const LOGIN = 'kalypso-bot';

export class GiteaServer extends FakeHostBase {
  public static async start(props: { token?: string } = {}): Promise<GiteaServer> {
    const server = await HostServer.listen({
      name: 'Gitea',
      fixture: loadFixture(FIXTURE),
      basePath: '/api/v1',
      token: props.token ?? 'gitea_fake_test_token_0123456789',
      authenticate: (headers, token) => presentedToken(headers) === token,
      errorBody: (_status, message) => ({ message, url: 'https://gitea.example.com/api/swagger' }),
      rateLimitHeaders: (retryAfter) => ({
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + retryAfter),
      }),
      handlers: HANDLERS,
    });
    server.createRepo('org', 'gitops');
    return new GiteaServer(server, 'org', 'gitops');
  }

  private constructor(server: HostServer, owner: string, name: string) {
    super(server, owner, name);
  }

  /** What Flux's `gitea` provider posts: the id as `context`, `success` or `failure`. */
  public postFluxStatus(sha: string, id: string, healthy: boolean, description: string): void {
    this.pushStatus({
      sha,
      identity: id,
      name: id,
      state: healthy ? 'success' : 'failure',
      description,
      targetUrl: '',
    });
  }
}

function repoOf(ctx: HandlerContext): FakeRepo {
  return ctx.server.repo(ctx.params.owner, ctx.params.repo);
}

function web(ctx: HandlerContext, repo: FakeRepo, rest: string): string {
  return `${ctx.server.origin}/${repo.owner}/${repo.name}${rest}`;
}

function user(ctx: HandlerContext, login: string) {
  return {
    id: login === LOGIN ? 1 : 2,
    login,
    full_name: login,
    email: `${login}@example.com`,
    avatar_url: `${ctx.server.origin}/avatars/${login}`,
  };
}

function payloadCommit(ctx: HandlerContext, repo: FakeRepo, sha: string) {
  const commit = repo.commitObject(sha)!;
  return {
    id: sha,
    message: commit.message,
    url: web(ctx, repo, `/commit/${sha}`),
    timestamp: commit.committer.date,
    author: { name: commit.author.name, email: commit.author.email, username: commit.author.name },
    committer: { name: commit.committer.name, email: commit.committer.email, username: commit.committer.name },
  };
}

function label(ctx: HandlerContext, repo: FakeRepo, name: string) {
  const found = repo.labels.get(name.toLowerCase())!;
  return {
    id: found.id,
    name: found.name,
    color: found.color,
    description: '',
    url: `${ctx.server.apiUrl}/repos/${repo.owner}/${repo.name}/labels/${found.id}`,
  };
}

function pull(ctx: HandlerContext, repo: FakeRepo, request: FakeRequest) {
  const head = repo.branches.get(request.head) ?? '';
  const base = repo.branches.get(request.base) ?? '';
  return {
    id: request.id,
    number: request.number,
    title: request.title,
    body: request.body,
    state: request.state === 'open' ? 'open' : 'closed',
    merged: request.state === 'merged',
    html_url: web(ctx, repo, `/pulls/${request.number}`),
    url: web(ctx, repo, `/pulls/${request.number}`),
    user: user(ctx, request.author),
    labels: request.labels.map((name) => label(ctx, repo, name)),
    head: { ref: request.head, label: request.head, sha: head, repo_id: 1 },
    base: { ref: request.base, label: request.base, sha: base, repo_id: 1 },
    created_at: request.createdAt,
    updated_at: request.updatedAt,
  };
}

function status(ctx: HandlerContext, item: FakeStatus) {
  return {
    id: item.id,
    status: item.state,
    context: item.identity,
    description: item.description,
    target_url: item.targetUrl,
    created_at: item.createdAt,
    updated_at: item.createdAt,
    creator: user(ctx, item.creator),
  };
}

function commitOf(repo: FakeRepo, ref: string): string {
  const sha = repo.resolve(ref);
  if (!sha) throw new FakeHttpError(404, `commit ${ref} not found`);
  return sha;
}

function requestOf(repo: FakeRepo, index: string): FakeRequest {
  const found = repo.requests.find((r) => r.number === Number(index));
  if (!found) throw new FakeHttpError(404, `pull request ${index} not found`);
  return found;
}

const json = (status: number, body: unknown): Reply => ({ status, body });

const HANDLERS: Record<string, Handler> = {
  repoGetBranch: (ctx) => {
    const repo = repoOf(ctx);
    const sha = repo.branches.get(ctx.params.branch);
    if (!sha) throw new FakeHttpError(404, `branch ${ctx.params.branch} not found`);
    return json(200, { name: ctx.params.branch, commit: payloadCommit(ctx, repo, sha), protected: false });
  },
  repoDeleteBranch: (ctx) => {
    const repo = repoOf(ctx);
    if (!repo.branches.delete(ctx.params.branch)) throw new FakeHttpError(404, `branch ${ctx.params.branch} not found`);
    return { status: 204 };
  },
  repoGetSingleCommit: (ctx) => {
    const repo = repoOf(ctx);
    const sha = commitOf(repo, ctx.params.sha);
    const commit = repo.commitObject(sha)!;
    return json(200, {
      sha,
      url: `${ctx.server.apiUrl}/repos/${repo.owner}/${repo.name}/git/commits/${sha}`,
      html_url: web(ctx, repo, `/commit/${sha}`),
      created: commit.committer.date,
      commit: { message: commit.message, tree: { sha: commit.tree, url: '', created: commit.committer.date }, url: '' },
      parents: commit.parents.map((parent) => ({ sha: parent, url: '', created: commit.committer.date })),
    });
  },
  GetTree: (ctx) => {
    const repo = repoOf(ctx);
    const sha = commitOf(repo, ctx.params.sha);
    const tree = repo.commitObject(sha)!.tree;
    const entries = repo.git.walk(tree);
    const perPage = Math.min(Number(ctx.query.get('per_page') ?? 1000), 1000);
    const page = Number(ctx.query.get('page') ?? 1);
    const slice = entries.slice((page - 1) * perPage, page * perPage);
    return json(200, {
      sha: tree,
      url: '',
      truncated: page * perPage < entries.length,
      page,
      total_count: entries.length,
      tree: slice.map((e) => ({
        path: e.path,
        mode: e.mode,
        type: e.type,
        sha: e.sha,
        size: e.type === 'blob' ? repo.git.blob(e.sha)!.content.length : 0,
        url: '',
      })),
    });
  },
  GetBlob: (ctx) => {
    const repo = repoOf(ctx);
    const blob = repo.git.blob(ctx.params.sha);
    if (!blob) throw new FakeHttpError(404, `blob ${ctx.params.sha} not found`);
    return json(200, {
      sha: blob.sha,
      size: blob.content.length,
      encoding: 'base64',
      content: blob.content.toString('base64'),
      url: '',
    });
  },
  repoChangeFiles: (ctx) => {
    const repo = repoOf(ctx);
    const body = ctx.body as {
      branch?: string;
      new_branch?: string;
      force_push?: boolean;
      message?: string;
      files: { operation: string; path: string; content?: string; sha?: string }[];
    };
    const from = body.branch ?? repo.defaultBranch;
    const tip = repo.branches.get(from);
    if (!tip) throw new FakeHttpError(404, `branch ${from} not found`);
    const target = body.new_branch ?? from;
    if (body.new_branch && repo.branches.has(body.new_branch) && !body.force_push) {
      throw new FakeHttpError(422, `branch already exists [name: ${body.new_branch}]`);
    }
    const current = repo.files(tip);
    const writes = new Map<string, Buffer>();
    const deletions: string[] = [];
    for (const file of body.files) {
      const existing = current.get(file.path);
      if (file.operation === 'create' && existing)
        throw new FakeHttpError(422, `repository file already exists [path: ${file.path}]`);
      if ((file.operation === 'update' || file.operation === 'delete') && (!existing || file.sha !== existing)) {
        throw new FakeHttpError(422, `sha does not match [given: ${file.sha}, expected: ${existing}]`);
      }
      if (file.operation === 'delete') deletions.push(file.path);
      else writes.set(file.path, Buffer.from(file.content ?? '', 'base64'));
    }
    const commit = repo.commit(repo.treeWith(tip, writes, deletions), [tip], body.message ?? 'Update files');
    repo.branches.set(target, commit);
    return json(201, {
      commit: {
        sha: commit,
        url: '',
        html_url: web(ctx, repo, `/commit/${commit}`),
        created: new Date().toISOString(),
      },
      files: [],
    });
  },
  repoListPullRequests: (ctx) => {
    const repo = repoOf(ctx);
    const state = ctx.query.get('state') ?? 'open';
    const base = ctx.query.get('base_branch');
    const limit = Number(ctx.query.get('limit') ?? 30);
    const page = Number(ctx.query.get('page') ?? 1);
    const all = repo.requests.filter(
      (r) => (state === 'all' || (state === 'open') === (r.state === 'open')) && (!base || r.base === base),
    );
    return json(
      200,
      all.slice((page - 1) * limit, page * limit).map((r) => pull(ctx, repo, r)),
    );
  },
  repoCreatePullRequest: (ctx) => {
    const repo = repoOf(ctx);
    const body = ctx.body as { head: string; base: string; title: string; body?: string; labels?: number[] };
    if (!repo.branches.has(body.head) || !repo.branches.has(body.base))
      throw new FakeHttpError(404, 'branch not found');
    if (repo.requests.some((r) => r.state === 'open' && r.head === body.head && r.base === body.base)) {
      throw new FakeHttpError(409, 'pull request already exists for these targets');
    }
    const names = (body.labels ?? [])
      .map((id) => [...repo.labels.values()].find((l) => l.id === id)?.name)
      .filter((n): n is string => !!n);
    const now = new Date().toISOString();
    const request: FakeRequest = {
      number: repo.nextNumber(),
      id: repo.nextId(),
      state: 'open',
      title: body.title,
      body: body.body ?? '',
      head: body.head,
      base: body.base,
      author: LOGIN,
      labels: names,
      createdAt: now,
      updatedAt: now,
    };
    repo.requests.push(request);
    return json(201, pull(ctx, repo, request));
  },
  repoEditPullRequest: (ctx) => {
    const repo = repoOf(ctx);
    const request = requestOf(repo, ctx.params.index);
    const body = ctx.body as { title?: string; body?: string; state?: string };
    if (body.title !== undefined) request.title = body.title;
    if (body.body !== undefined) request.body = body.body;
    if (body.state === 'closed') request.state = 'closed';
    request.updatedAt = new Date().toISOString();
    return json(201, pull(ctx, repo, request));
  },
  issueListLabels: (ctx) => {
    const repo = repoOf(ctx);
    const limit = Number(ctx.query.get('limit') ?? 30);
    const page = Number(ctx.query.get('page') ?? 1);
    return json(
      200,
      [...repo.labels.values()].slice((page - 1) * limit, page * limit).map((l) => label(ctx, repo, l.name)),
    );
  },
  issueCreateLabel: (ctx) => {
    const repo = repoOf(ctx);
    const body = ctx.body as { name: string; color: string };
    if (repo.labels.has(body.name.toLowerCase())) throw new FakeHttpError(422, 'label already exists');
    repo.labels.set(body.name.toLowerCase(), {
      id: repo.nextId(),
      name: body.name,
      color: body.color.replace(/^#/, ''),
    });
    return json(201, label(ctx, repo, body.name));
  },
  issueAddLabel: (ctx) => {
    const repo = repoOf(ctx);
    const request = requestOf(repo, ctx.params.index);
    for (const id of (ctx.body as { labels: number[] }).labels) {
      const found = [...repo.labels.values()].find((l) => l.id === id);
      if (!found) throw new FakeHttpError(422, `label ${id} does not exist`);
      if (!request.labels.includes(found.name)) request.labels.push(found.name);
    }
    return json(
      200,
      request.labels.map((name) => label(ctx, repo, name)),
    );
  },
  issueRemoveLabel: (ctx) => {
    const repo = repoOf(ctx);
    const request = requestOf(repo, ctx.params.index);
    const found = [...repo.labels.values()].find((l) => l.id === Number(ctx.params.id));
    if (!found || !request.labels.includes(found.name)) throw new FakeHttpError(404, 'label not found');
    request.labels = request.labels.filter((name) => name !== found.name);
    return { status: 204 };
  },
  repoCreateStatus: (ctx) => {
    const repo = repoOf(ctx);
    const sha = commitOf(repo, ctx.params.sha);
    const body = ctx.body as { state: string; context?: string; description?: string; target_url?: string };
    const item: FakeStatus = {
      id: repo.nextId(),
      sha,
      identity: body.context ?? 'default',
      name: body.context ?? 'default',
      state: body.state,
      description: body.description ?? '',
      targetUrl: body.target_url ?? '',
      creator: LOGIN,
      createdAt: new Date().toISOString(),
    };
    repo.statuses.push(item);
    return json(201, status(ctx, item));
  },
  repoGetCombinedStatusByRef: (ctx) => {
    const repo = repoOf(ctx);
    const sha = commitOf(repo, ctx.params.ref);
    const limit = Number(ctx.query.get('limit') ?? 30);
    const page = Number(ctx.query.get('page') ?? 1);
    const latest = repo.latestStatuses(sha);
    const states = latest.map((s) => s.state);
    const state =
      states.includes('failure') || states.includes('error')
        ? 'failure'
        : states.length > 0 && states.every((s) => s === 'success')
          ? 'success'
          : 'pending';
    return json(200, {
      sha,
      state,
      total_count: latest.length,
      commit_url: '',
      url: '',
      statuses: latest.slice((page - 1) * limit, page * limit).map((s) => status(ctx, s)),
    });
  },
};
