/**
 * A fake Bitbucket Cloud (`/2.0`) for the operations of `test/fixtures/bitbucket-openapi/routes.json`, every request
 * and answer checked against that description. Authentication is an access token (`Bearer`) or `user:app password`
 * (`Basic`); errors are `{ type: 'error', error: { message } }`; listings are pages of `values` with a `next` link.
 */
import * as path from 'path';
import { createHash } from 'crypto';
import { FakeHostBase } from '../host-server/fake-host';
import { FakeRepo, FakeRequest, FakeStatus } from '../host-server/repo-state';
import { FakeHttpError, Handler, HandlerContext, HostServer, Reply, presentedToken } from '../host-server/server';
import { loadFixture } from '../host-server/swagger2';

const FIXTURE = path.resolve(__dirname, '..', '..', 'fixtures', 'bitbucket-openapi', 'routes.json');
const LOGIN = 'kalypso-bot';

export class BitbucketServer extends FakeHostBase {
  public static async start(props: { token?: string } = {}): Promise<BitbucketServer> {
    const server = await HostServer.listen({
      name: 'Bitbucket',
      fixture: loadFixture(FIXTURE),
      basePath: '/2.0',
      token: props.token ?? 'ATCTT3xFfGN0_fake_bitbucket_token',
      authenticate: (headers, token) => {
        const basic = /^basic\s+(.+)$/i.exec(String(headers.authorization ?? ''))?.[1];
        return (
          presentedToken(headers) === token ||
          (basic !== undefined && Buffer.from(basic, 'base64').toString() === token)
        );
      },
      errorBody: (_status, message) => ({ type: 'error', error: { message } }),
      rateLimitHeaders: () => ({}),
      handlers: HANDLERS,
    });
    server.createRepo('team', 'gitops');
    return new BitbucketServer(server, 'team', 'gitops');
  }

  private constructor(server: HostServer, owner: string, name: string) {
    super(server, owner, name);
  }

  /** What Flux's `bitbucket` provider posts: key SHA-1 of the id, name `<kind>/<name>`, SUCCESSFUL or FAILED. */
  public postFluxStatus(sha: string, id: string, healthy: boolean, description: string): void {
    const key = createHash('sha1').update(id).digest('hex');
    this.pushStatus({
      sha,
      identity: key,
      name: id.split('/').slice(0, 2).join('/'),
      state: healthy ? 'SUCCESSFUL' : 'FAILED',
      description,
      targetUrl: 'https://bitbucket.org',
    });
  }
}

function repoOf(ctx: HandlerContext): FakeRepo {
  return ctx.server.repo(ctx.params.workspace, ctx.params.repo_slug);
}

function commitJson(repo: FakeRepo, sha: string) {
  const commit = repo.commitObject(sha)!;
  return {
    type: 'commit',
    hash: sha,
    message: commit.message,
    date: commit.committer.date,
    parents: commit.parents.map((hash) => ({ type: 'commit', hash })),
  };
}

function account(login: string) {
  return { type: 'user', display_name: login, uuid: `{${login}}` };
}

function pullJson(repo: FakeRepo, request: FakeRequest) {
  const state = request.state === 'open' ? 'OPEN' : request.state === 'merged' ? 'MERGED' : 'DECLINED';
  return {
    type: 'pullrequest',
    id: request.number,
    title: request.title,
    description: request.body,
    state,
    author: account(request.author),
    source: { branch: { name: request.head }, commit: { hash: repo.branches.get(request.head) ?? '' } },
    destination: { branch: { name: request.base }, commit: { hash: repo.branches.get(request.base) ?? '' } },
    links: { html: { href: `https://bitbucket.org/${repo.owner}/${repo.name}/pull-requests/${request.number}` } },
    created_on: request.createdAt,
    updated_on: request.updatedAt,
  };
}

function statusJson(item: FakeStatus) {
  return {
    type: 'build',
    key: item.identity,
    name: item.name,
    state: item.state,
    description: item.description,
    url: item.targetUrl,
    created_on: item.createdAt,
    updated_on: item.createdAt,
  };
}

/** A page of `values` as Bitbucket pages (`page`, `pagelen`, `size`, `next`). */
function page(ctx: HandlerContext, values: readonly unknown[], defaultLength = 10): Reply {
  const pagelen = Math.min(Number(ctx.query.get('pagelen') ?? defaultLength), 100);
  const number = Number(ctx.query.get('page') ?? 1);
  const body: Record<string, unknown> = {
    values: values.slice((number - 1) * pagelen, number * pagelen),
    pagelen,
    page: number,
    size: values.length,
  };
  if (number * pagelen < values.length) {
    const next = new URL(ctx.url.toString());
    next.searchParams.set('page', String(number + 1));
    body.next = next.toString();
  }
  return { status: 200, body };
}

function commitOf(repo: FakeRepo, ref: string): string {
  const sha = repo.resolve(ref);
  if (!sha) throw new FakeHttpError(404, `Commit not found: ${ref}`);
  return sha;
}

function requestOf(repo: FakeRepo, id: string): FakeRequest {
  const found = repo.requests.find((r) => r.number === Number(id));
  if (!found) throw new FakeHttpError(404, `Pull request ${id} not found`);
  return found;
}

/** The conjunctions of `field = "value"` of a BBQL query, the only form the fake understands. */
function bbql(q: string | null): Record<string, string> {
  if (!q) return {};
  const out: Record<string, string> = {};
  for (const part of q.split(/\s+AND\s+/)) {
    const m = /^\s*([\w.]+)\s*=\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(part);
    if (!m) throw new FakeHttpError(400, `Invalid query: ${q}`);
    out[m[1]] = JSON.parse(`"${m[2]}"`) as string;
  }
  return out;
}

const HANDLERS: Record<string, Handler> = {
  getBranch: (ctx) => {
    const repo = repoOf(ctx);
    const sha = repo.branches.get(ctx.params.name);
    if (!sha) throw new FakeHttpError(404, `Branch not found: ${ctx.params.name}`);
    return { status: 200, body: { type: 'branch', name: ctx.params.name, target: commitJson(repo, sha) } };
  },
  deleteBranch: (ctx) => {
    if (!repoOf(ctx).branches.delete(ctx.params.name))
      throw new FakeHttpError(404, `Branch not found: ${ctx.params.name}`);
    return { status: 204 };
  },
  getCommit: (ctx) => {
    const repo = repoOf(ctx);
    return { status: 200, body: commitJson(repo, commitOf(repo, ctx.params.commit)) };
  },
  getSource: (ctx) => {
    const repo = repoOf(ctx);
    const sha = commitOf(repo, ctx.params.commit);
    const wanted = ctx.params.path.replace(/\/+$/, '');
    const entries = repo.git.walk(repo.commitObject(sha)!.tree);
    const file = entries.find((e) => e.path === wanted && e.type === 'blob');
    if (file)
      return { status: 200, raw: { contentType: 'application/octet-stream', data: repo.git.blob(file.sha)!.content } };
    const depth = Number(ctx.query.get('max_depth') ?? 1);
    const prefix = wanted === '' ? '' : `${wanted}/`;
    if (wanted !== '' && !entries.some((e) => e.path === wanted))
      throw new FakeHttpError(404, `No such file or directory: ${wanted}`);
    const below = entries.filter(
      (e) => e.path.startsWith(prefix) && e.path.slice(prefix.length).split('/').length <= depth,
    );
    return page(
      ctx,
      below.map((e) => ({
        type: e.type === 'tree' ? 'commit_directory' : 'commit_file',
        path: e.path,
        commit: { type: 'commit', hash: sha },
      })),
    );
  },
  createCommitWithFiles: (ctx) => {
    const repo = repoOf(ctx);
    const form = ctx.form;
    if (!form) throw new FakeHttpError(400, 'expected multipart/form-data');
    const field = (name: string) => (typeof form.get(name) === 'string' ? (form.get(name) as string) : undefined);
    const branch = field('branch') ?? repo.defaultBranch;
    const parents = field('parents')?.split(',').filter(Boolean) ?? [];
    const tip = repo.branches.get(branch);
    if (tip && parents.length > 0 && parents[0] !== tip)
      throw new FakeHttpError(409, `${branch} is not at ${parents[0]}`);
    const parent = parents[0] ?? tip ?? repo.branches.get(repo.defaultBranch);
    if (parent && !repo.commitObject(parent)) throw new FakeHttpError(404, `Commit not found: ${parent}`);
    const deletions = form.getAll('files').map(String);
    const writes = new Map<string, Buffer>();
    const pending: Promise<void>[] = [];
    for (const [name, value] of form.entries()) {
      if (['message', 'branch', 'parents', 'files', 'author'].includes(name)) continue;
      const path = name.replace(/^\/+/, '');
      if (typeof value === 'string') writes.set(path, Buffer.from(value, 'utf-8'));
      else pending.push(value.arrayBuffer().then((data) => void writes.set(path, Buffer.from(data))));
    }
    return Promise.all(pending).then(() => {
      const commit = repo.commit(
        repo.treeWith(parent, writes, deletions),
        parent ? [parent] : [],
        field('message') ?? 'Edited online',
      );
      repo.branches.set(branch, commit);
      return {
        status: 201,
        headers: { location: `${ctx.server.apiUrl}/repositories/${repo.owner}/${repo.name}/commit/${commit}` },
      };
    });
  },
  listPullRequests: (ctx) => {
    const repo = repoOf(ctx);
    const state = (ctx.query.get('state') ?? 'OPEN').toUpperCase();
    const q = bbql(ctx.query.get('q'));
    const all = repo.requests.filter(
      (r) =>
        (state === 'OPEN') === (r.state === 'open') &&
        (q['source.branch.name'] === undefined || q['source.branch.name'] === r.head) &&
        (q['destination.branch.name'] === undefined || q['destination.branch.name'] === r.base),
    );
    return page(
      ctx,
      all.map((r) => pullJson(repo, r)),
    );
  },
  createPullRequest: (ctx) => {
    const repo = repoOf(ctx);
    const body = ctx.body as {
      title: string;
      description?: string;
      source: { branch: { name: string } };
      destination?: { branch: { name: string } };
    };
    const head = body.source.branch.name;
    const base = body.destination?.branch.name ?? repo.defaultBranch;
    if (!repo.branches.has(head)) throw new FakeHttpError(400, `source branch ${head} does not exist`);
    if (repo.requests.some((r) => r.state === 'open' && r.head === head && r.base === base)) {
      throw new FakeHttpError(400, 'There are already open pull requests from this source branch');
    }
    const now = new Date().toISOString();
    const request: FakeRequest = {
      number: repo.nextNumber(),
      id: repo.nextId(),
      state: 'open',
      title: body.title,
      body: body.description ?? '',
      head,
      base,
      author: LOGIN,
      labels: [],
      createdAt: now,
      updatedAt: now,
    };
    repo.requests.push(request);
    return { status: 201, body: pullJson(repo, request) };
  },
  updatePullRequest: (ctx) => {
    const repo = repoOf(ctx);
    const request = requestOf(repo, ctx.params.pull_request_id);
    const body = ctx.body as { title?: string; description?: string };
    if (body.title !== undefined) request.title = body.title;
    if (body.description !== undefined) request.body = body.description;
    request.updatedAt = new Date().toISOString();
    return { status: 200, body: pullJson(repo, request) };
  },
  declinePullRequest: (ctx) => {
    const repo = repoOf(ctx);
    const request = requestOf(repo, ctx.params.pull_request_id);
    request.state = 'closed';
    return { status: 200, body: pullJson(repo, request) };
  },
  listCommitStatuses: (ctx) => {
    const repo = repoOf(ctx);
    return page(ctx, repo.latestStatuses(commitOf(repo, ctx.params.commit)).map(statusJson));
  },
  createBuildStatus: (ctx) => {
    const repo = repoOf(ctx);
    const sha = commitOf(repo, ctx.params.commit);
    const body = ctx.body as { key: string; state: string; name?: string; url?: string; description?: string };
    const item: FakeStatus = {
      id: repo.nextId(),
      sha,
      identity: body.key,
      name: body.name ?? body.key,
      state: body.state,
      description: body.description ?? '',
      targetUrl: body.url ?? '',
      creator: LOGIN,
      createdAt: new Date().toISOString(),
    };
    repo.statuses.push(item);
    return { status: 201, body: statusJson(item) };
  },
};
