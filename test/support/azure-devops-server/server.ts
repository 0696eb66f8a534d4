/**
 * A fake Azure DevOps (Services, or Server with its collection below `/tfs`) for the operations of
 * `test/fixtures/azure-devops-openapi/routes.json`, every request and answer checked against that description, after
 * the handshake the client library makes first (`locations.ts`). As the service: paths match whatever their letter
 * case, `api-version` comes in the query or the `Accept` header and must not exceed the fake's 7.1, collections are
 * sent as `{ count, value }`, authentication is Basic (a personal access token as the password) or Bearer, and
 * errors are `{ message, typeKey, … }`. With `signInPage`, a request with a wrong token gets what Azure DevOps sends
 * some clients instead of a 401: a 203 and an HTML sign-in page.
 */
import { createHash } from 'crypto';
import { IncomingHttpHeaders } from 'http';
import * as path from 'path';
import { FakeHostBase } from '../host-server/fake-host';
import { FakeRepo, FakeRequest, FakeStatus } from '../host-server/repo-state';
import { FakeHttpError, Handler, HandlerContext, HostServer, Reply } from '../host-server/server';
import { loadFixture } from '../host-server/swagger2';
import { API_VERSION, GIT_AREA_ID, LOCATIONS, parseVersion, requestedVersion } from './locations';

const FIXTURE = path.resolve(__dirname, '..', '..', 'fixtures', 'azure-devops-openapi', 'routes.json');
const ZEROS = '0000000000000000000000000000000000000000';
const BOT = 'Kalypso Bot';
const FLUX_GENRE = 'fluxcd';

export interface AzureDevOpsServerProps {
  /** `services`: `https://dev.azure.com/org` style; `server`: a collection at `/tfs/DefaultCollection`. @default 'services' */
  readonly flavour?: 'services' | 'server';
  readonly token?: string;
  /** Answer a wrong token with 203 and an HTML sign-in page instead of 401. @default false */
  readonly signInPage?: boolean;
  /** Where `ResourceAreas` says the git area lives (Services only). @default - the collection URL */
  readonly gitLocationUrl?: string;
}

export class AzureDevOpsServer extends FakeHostBase {
  public static async start(props: AzureDevOpsServerProps = {}): Promise<AzureDevOpsServer> {
    const flavour = props.flavour ?? 'services';
    const basePath = flavour === 'server' ? '/tfs' : '';
    const collection = flavour === 'server' ? 'DefaultCollection' : 'org';
    const token = props.token ?? 'azure-devops-fake-test-pat-0123456789abcdef';
    let origin = '';
    const server = await HostServer.listen({
      name: 'Azure DevOps',
      fixture: loadFixture(FIXTURE),
      basePath,
      token,
      authenticate: isAuthenticated,
      errorBody,
      rateLimitHeaders: (retryAfter) => ({
        'x-ratelimit-resource': 'ATCPU',
        'x-ratelimit-delay': String(retryAfter),
        'x-ratelimit-limit': '200',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + retryAfter),
      }),
      handlers: HANDLERS,
      caseInsensitivePaths: true,
      queryOf: (url, headers) => {
        const query = new URLSearchParams(url.searchParams);
        const version = requestedVersion(url, headerText(headers.accept));
        if (version && !query.has('api-version')) query.set('api-version', version);
        return query;
      },
      wireBody: (_op, _status, body) => (Array.isArray(body) ? { count: body.length, value: body } : body),
      outsideContract: (method, url, headers) =>
        handshake(
          method,
          url,
          `${basePath}/${collection}`,
          props.gitLocationUrl ?? `${origin}${basePath}/${collection}/`,
          flavour,
        ) ??
        versionOutOfRange(url, headers) ??
        (props.signInPage && !isAuthenticated(headers, token) ? signInPage() : undefined),
    });
    origin = server.origin;
    server.createRepo(`${collection}/project`, 'gitops');
    return new AzureDevOpsServer(server, `${collection}/project`, 'gitops', `${server.apiUrl}/${collection}`);
  }

  private constructor(
    server: HostServer,
    owner: string,
    name: string,
    /** The organization (Services) or collection (Server) URL the adapter is given. */
    public readonly collectionUrl: string,
  ) {
    super(server, owner, name);
  }

  public get project(): string {
    return 'project';
  }

  /** What Flux's `azuredevops` provider posts: the id as `context.name` under genre `fluxcd`, `succeeded` or `error`. */
  public postFluxStatus(sha: string, id: string, healthy: boolean, description: string): void {
    this.pushStatus({
      sha,
      identity: `${FLUX_GENRE}/${id}`,
      name: id,
      genre: FLUX_GENRE,
      state: healthy ? 'succeeded' : 'error',
      description,
      targetUrl: '',
    });
  }
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

function isAuthenticated(headers: IncomingHttpHeaders, token: string): boolean {
  const [scheme, credential] = String(headers.authorization ?? '').split(/\s+/, 2);
  if (/^bearer$/i.test(scheme ?? '')) return credential === token;
  if (!/^basic$/i.test(scheme ?? '') || !credential) return false;
  const decoded = Buffer.from(credential, 'base64').toString('utf-8');
  return decoded.slice(decoded.indexOf(':') + 1) === token;
}

function errorBody(status: number, message: string) {
  const typeKey =
    status === 404
      ? 'GitRepositoryNotFoundException'
      : status === 409
        ? 'GitReferenceStaleException'
        : 'VssServiceException';
  return {
    $id: '1',
    innerException: null,
    message,
    typeName: `Microsoft.TeamFoundation.Git.Server.${typeKey}, Microsoft.TeamFoundation.Git.Server`,
    typeKey,
    errorCode: 0,
    eventId: 3000,
  };
}

const json = (status: number, body: unknown): Reply => ({ status, body });

/** The answers to `OPTIONS _apis/Location`, `OPTIONS _apis/git` and `GET _apis/ResourceAreas`, made without a token. */
function handshake(
  method: string,
  url: URL,
  collectionPath: string,
  gitLocationUrl: string,
  flavour: 'services' | 'server',
): Reply | undefined {
  const match = /^(.*)\/_apis\/(location|git|resourceareas)\/?$/i.exec(url.pathname);
  if (!match) return undefined;
  const [, collection, resource] = match;
  if (collection.toLowerCase() !== collectionPath.toLowerCase())
    return json(404, errorBody(404, `no collection at ${collection}`));
  const area = resource.toLowerCase();
  if (method === 'OPTIONS' && area !== 'resourceareas') {
    const locations = LOCATIONS[area];
    return json(200, { count: locations.length, value: locations });
  }
  if (method === 'GET' && area === 'resourceareas') {
    if (flavour === 'server') return json(200, { count: 0, value: null });
    return json(200, { count: 1, value: [{ id: GIT_AREA_ID, name: 'git', locationUrl: gitLocationUrl }] });
  }
  return undefined;
}

/** Azure DevOps' answer to a version it does not speak. */
function versionOutOfRange(url: URL, headers: IncomingHttpHeaders): Reply | undefined {
  const asked = requestedVersion(url, headerText(headers.accept));
  const version = asked && parseVersion(asked);
  const [major, minor] = parseVersion(API_VERSION)!;
  if (asked && !version) return json(400, errorBody(400, `The api-version '${asked}' is not valid.`));
  if (!version || version[0] < major || (version[0] === major && version[1] <= minor)) return undefined;
  return json(
    400,
    errorBody(
      400,
      `The requested REST API version of ${version.join('.')} is out of range for this server. The latest REST API version for this server is ${API_VERSION}.`,
    ),
  );
}

function signInPage(): Reply {
  const page =
    '<!DOCTYPE html><html><head><title>Azure DevOps Services | Sign In</title></head><body>Sign in</body></html>';
  return { status: 203, raw: { contentType: 'text/html; charset=utf-8', data: Buffer.from(page, 'utf-8') } };
}

/** A stable UUID-shaped id for a name. */
function uuidOf(text: string): string {
  const hex = createHash('sha1').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function repoOf(ctx: HandlerContext): FakeRepo {
  return ctx.server.repo(`${ctx.params.organization}/${ctx.params.project}`, ctx.params.repositoryId);
}

function apiBase(ctx: HandlerContext, repo: FakeRepo): string {
  return `${ctx.server.apiUrl}/${ctx.params.organization}/${ctx.params.project}/_apis/git/repositories/${uuidOf(repo.name)}`;
}

function identity(ctx: HandlerContext, name: string) {
  const id = uuidOf(name);
  return {
    id,
    displayName: name,
    uniqueName: `${name.replace(/\s+/g, '.')}@example.com`,
    url: `${ctx.server.origin}/_apis/Identities/${id}`,
  };
}

function repository(ctx: HandlerContext, repo: FakeRepo) {
  const project = ctx.params.project;
  return {
    id: uuidOf(repo.name),
    name: repo.name,
    url: apiBase(ctx, repo),
    project: { id: uuidOf(project), name: project, state: 'wellFormed', visibility: 'private' },
    webUrl: `${ctx.server.apiUrl}/${ctx.params.organization}/${project}/_git/${repo.name}`,
  };
}

function commitOf(repo: FakeRepo, id: string): string {
  const sha = /^[0-9a-f]{40}$/i.test(id) ? repo.resolve(id.toLowerCase()) : undefined;
  if (!sha)
    throw new FakeHttpError(
      404,
      `TF401175:The version descriptor <Commit: ${id}> could not be resolved to a version on the repository ${repo.name}`,
    );
  return sha;
}

function commitJson(ctx: HandlerContext, repo: FakeRepo, sha: string) {
  const commit = repo.commitObject(sha)!;
  const person = (p: { name: string; email: string; date: string }) => ({ name: p.name, email: p.email, date: p.date });
  return {
    commitId: sha,
    treeId: commit.tree,
    parents: commit.parents,
    comment: commit.message,
    author: person(commit.author),
    committer: person(commit.committer),
    url: `${apiBase(ctx, repo)}/commits/${sha}`,
  };
}

function labelJson(ctx: HandlerContext, repo: FakeRepo, name: string) {
  const id = uuidOf(`label:${name.toLowerCase()}`);
  return { id, name, active: true, url: `${apiBase(ctx, repo)}/labels/${id}` };
}

const STATUS_OF: Readonly<Record<FakeRequest['state'], string>> = {
  open: 'active',
  closed: 'abandoned',
  merged: 'completed',
};

function pullJson(ctx: HandlerContext, repo: FakeRepo, request: FakeRequest) {
  const source = repo.branches.get(request.head);
  const target = repo.branches.get(request.base);
  return {
    pullRequestId: request.number,
    codeReviewId: request.number,
    status: STATUS_OF[request.state],
    title: request.title,
    description: request.body,
    sourceRefName: `refs/heads/${request.head}`,
    targetRefName: `refs/heads/${request.base}`,
    createdBy: identity(ctx, request.author),
    creationDate: request.createdAt,
    ...(request.state === 'open' ? {} : { closedDate: request.updatedAt }),
    repository: repository(ctx, repo),
    labels: request.labels.map((name) => labelJson(ctx, repo, name)),
    mergeStatus: 'succeeded',
    isDraft: false,
    supportsIterations: true,
    ...(source ? { lastMergeSourceCommit: { commitId: source, url: `${apiBase(ctx, repo)}/commits/${source}` } } : {}),
    ...(target ? { lastMergeTargetCommit: { commitId: target, url: `${apiBase(ctx, repo)}/commits/${target}` } } : {}),
    url: `${apiBase(ctx, repo)}/pullRequests/${request.number}`,
  };
}

function requestOf(repo: FakeRepo, id: string): FakeRequest {
  const found = repo.requests.find((r) => r.number === Number(id));
  if (!found) throw new FakeHttpError(404, `TF401180: The requested pull request was not found.`);
  return found;
}

function statusJson(ctx: HandlerContext, item: FakeStatus) {
  return {
    id: item.id,
    state: item.state,
    description: item.description,
    ...(item.targetUrl ? { targetUrl: item.targetUrl } : {}),
    context: { name: item.name, genre: item.genre ?? '' },
    creationDate: item.createdAt,
    updatedDate: item.createdAt,
    createdBy: identity(ctx, item.creator),
  };
}

function branchOfRef(name: string): string {
  if (!name.startsWith('refs/heads/')) throw new FakeHttpError(400, `TF401398: ${name} is not a branch`);
  return name.slice('refs/heads/'.length);
}

interface PushChange {
  changeType: string;
  item: { path?: string };
  newContent?: { content?: string; contentType?: string };
}

/** Applies one pushed commit's changes on `parent`; the new commit. */
function applyPushCommit(
  repo: FakeRepo,
  parent: string | undefined,
  commit: { comment?: string; changes?: PushChange[] },
): string {
  const current = parent ? repo.files(parent) : new Map<string, string>();
  const writes = new Map<string, Buffer>();
  const deletions: string[] = [];
  for (const change of commit.changes ?? []) {
    const path = (change.item.path ?? '').replace(/^\/+/, '');
    if (path === '') throw new FakeHttpError(400, 'The path of a change must name a file.');
    const exists = current.has(path) || writes.has(path);
    if (change.changeType === 'add' && exists)
      throw new FakeHttpError(
        400,
        `The path '/${path}' specified in the add operation already exists. Please specify a new path.`,
      );
    if ((change.changeType === 'edit' || change.changeType === 'delete') && !exists)
      throw new FakeHttpError(400, `The path '/${path}' does not exist at commit '${parent ?? ZEROS}'.`);
    if (change.changeType === 'delete') {
      deletions.push(path);
    } else if (change.changeType === 'add' || change.changeType === 'edit') {
      const content = change.newContent?.content ?? '';
      writes.set(path, Buffer.from(content, change.newContent?.contentType === 'base64Encoded' ? 'base64' : 'utf-8'));
    } else {
      throw new FakeHttpError(400, `the fake does not push changes of type ${change.changeType}`);
    }
  }
  return repo.commit(repo.treeWith(parent, writes, deletions), parent ? [parent] : [], commit.comment ?? '');
}

const HANDLERS: Record<string, Handler> = {
  Refs_List: (ctx) => {
    const repo = repoOf(ctx);
    const filter = ctx.query.get('filter') ?? '';
    const refs = [...repo.branches]
      .map(([branch, sha]) => ({ name: `refs/heads/${branch}`, sha }))
      .filter((ref) => ref.name.startsWith(`refs/${filter}`))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    return json(
      200,
      refs.map((ref) => ({
        name: ref.name,
        objectId: ref.sha,
        creator: identity(ctx, BOT),
        url: `${apiBase(ctx, repo)}/refs?filter=${encodeURIComponent(ref.name.slice(5))}`,
      })),
    );
  },
  'Refs_Update Refs': (ctx) => {
    const repo = repoOf(ctx);
    const updates = ctx.body as { name: string; oldObjectId: string; newObjectId: string }[];
    return json(
      200,
      updates.map((update) => {
        const branch = branchOfRef(update.name);
        const current = repo.branches.get(branch) ?? ZEROS;
        const result = (updateStatus: string) => ({
          repositoryId: uuidOf(repo.name),
          name: update.name,
          oldObjectId: update.oldObjectId,
          newObjectId: update.newObjectId,
          isLocked: false,
          updateStatus,
          success: updateStatus === 'succeeded',
        });
        if (update.oldObjectId !== current) return result('staleOldObjectId');
        if (update.newObjectId === ZEROS) {
          repo.branches.delete(branch);
        } else {
          if (!repo.commitObject(update.newObjectId)) return result('unresolvableToCommit');
          repo.branches.set(branch, update.newObjectId);
        }
        return result('succeeded');
      }),
    );
  },
  Commits_Get: (ctx) => {
    const repo = repoOf(ctx);
    return json(200, commitJson(ctx, repo, commitOf(repo, ctx.params.commitId)));
  },
  Trees_Get: (ctx) => {
    const repo = repoOf(ctx);
    const tree = repo.git.tree(ctx.params.sha1.toLowerCase());
    if (!tree)
      throw new FakeHttpError(404, `TF401174: The item '${ctx.params.sha1}' could not be found in the repository.`);
    const recursive = ctx.query.get('recursive') === 'true';
    const entries = repo.git.walk(tree.sha).filter((e) => recursive || !e.path.includes('/'));
    return json(200, {
      objectId: tree.sha,
      url: `${apiBase(ctx, repo)}/trees/${tree.sha}`,
      treeEntries: entries.map((e) => ({
        objectId: e.sha,
        relativePath: e.path,
        mode: e.mode.replace(/^0+/, ''),
        gitObjectType: e.type,
        url: `${apiBase(ctx, repo)}/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}`,
        size: e.type === 'blob' ? repo.git.blob(e.sha)!.content.length : 0,
      })),
    });
  },
  'Blobs_Get Blob': (ctx) => {
    const repo = repoOf(ctx);
    const blob = repo.git.blob(ctx.params.sha1.toLowerCase());
    if (!blob)
      throw new FakeHttpError(404, `TF401174: The item '${ctx.params.sha1}' could not be found in the repository.`);
    const format = (ctx.query.get('$format') ?? '').toLowerCase();
    const accept = String(ctx.headers.accept ?? '');
    if (format === 'octetstream' || (format === '' && accept.includes('application/octet-stream'))) {
      return { status: 200, raw: { contentType: 'application/octet-stream', data: blob.content } };
    }
    return json(200, { objectId: blob.sha, size: blob.content.length, url: `${apiBase(ctx, repo)}/blobs/${blob.sha}` });
  },
  Pushes_Create: (ctx) => {
    const repo = repoOf(ctx);
    const push = ctx.body as {
      refUpdates?: { name: string; oldObjectId: string }[];
      commits?: { comment?: string; changes?: PushChange[] }[];
    };
    if (push.refUpdates?.length !== 1) throw new FakeHttpError(400, 'A push must update exactly one ref.');
    if (!push.commits?.length) throw new FakeHttpError(400, 'A push must carry at least one commit.');
    const [update] = push.refUpdates;
    const branch = branchOfRef(update.name);
    const current = repo.branches.get(branch);
    if (
      current ? update.oldObjectId !== current : update.oldObjectId !== ZEROS && !repo.commitObject(update.oldObjectId)
    ) {
      throw new FakeHttpError(
        409,
        `TF401028: The reference '${update.name}' has already been updated by another client, so you cannot update it. Please try again.`,
      );
    }
    let tip = update.oldObjectId === ZEROS ? undefined : update.oldObjectId;
    const made: string[] = [];
    for (const commit of push.commits) {
      tip = applyPushCommit(repo, tip, commit);
      made.push(tip);
    }
    repo.branches.set(branch, tip!);
    const pushId = repo.nextId();
    return json(201, {
      pushId,
      date: new Date().toISOString(),
      pushedBy: identity(ctx, BOT),
      url: `${apiBase(ctx, repo)}/pushes/${pushId}`,
      commits: made.map((sha) => commitJson(ctx, repo, sha)),
      refUpdates: [
        { repositoryId: uuidOf(repo.name), name: update.name, oldObjectId: current ?? ZEROS, newObjectId: tip! },
      ],
      repository: repository(ctx, repo),
    });
  },
  'Pull Requests_Get Pull Requests': (ctx) => {
    const repo = repoOf(ctx);
    const status = ctx.query.get('searchCriteria.status') ?? 'active';
    const source = ctx.query.get('searchCriteria.sourceRefName');
    const target = ctx.query.get('searchCriteria.targetRefName');
    const skip = Number(ctx.query.get('$skip') ?? 0);
    const top = Number(ctx.query.get('$top') ?? 101);
    const found = repo.requests.filter(
      (r) =>
        (status === 'all' || STATUS_OF[r.state] === status) &&
        (!source || `refs/heads/${r.head}` === source) &&
        (!target || `refs/heads/${r.base}` === target),
    );
    return json(
      200,
      [...found]
        .reverse()
        .slice(skip, skip + top)
        .map((r) => pullJson(ctx, repo, r)),
    );
  },
  'Pull Requests_Create': (ctx) => {
    const repo = repoOf(ctx);
    const body = ctx.body as {
      sourceRefName?: string;
      targetRefName?: string;
      title?: string;
      description?: string;
      labels?: { name?: string }[];
    };
    const head = branchOfRef(body.sourceRefName ?? '');
    const base = branchOfRef(body.targetRefName ?? '');
    if (!repo.branches.has(head) || !repo.branches.has(base)) {
      throw new FakeHttpError(
        400,
        'TF401398: The pull request cannot be activated because the source and/or the target branch no longer exists, or the requested refs are not branches',
      );
    }
    if (repo.requests.some((r) => r.state === 'open' && r.head === head && r.base === base)) {
      throw new FakeHttpError(409, 'TF401179: An active pull request for the source and target branch already exists.');
    }
    if ((body.description ?? '').length > 4000) {
      throw new FakeHttpError(400, 'The description of a pull request is limited to 4000 characters.');
    }
    const now = new Date().toISOString();
    const request: FakeRequest = {
      number: repo.nextNumber(),
      id: repo.nextId(),
      state: 'open',
      title: body.title ?? '',
      body: body.description ?? '',
      head,
      base,
      author: BOT,
      labels: (body.labels ?? []).map((label) => label.name ?? '').filter(Boolean),
      createdAt: now,
      updatedAt: now,
    };
    repo.requests.push(request);
    return json(201, pullJson(ctx, repo, request));
  },
  'Pull Requests_Update': (ctx) => {
    const repo = repoOf(ctx);
    const request = requestOf(repo, ctx.params.pullRequestId);
    const body = ctx.body as { title?: string; description?: string; status?: string };
    if ((body.description ?? '').length > 4000) {
      throw new FakeHttpError(400, 'The description of a pull request is limited to 4000 characters.');
    }
    if (body.title !== undefined) request.title = body.title;
    if (body.description !== undefined) request.body = body.description;
    if (body.status === 'abandoned') request.state = 'closed';
    if (body.status === 'active') request.state = 'open';
    request.updatedAt = new Date().toISOString();
    return json(200, pullJson(ctx, repo, request));
  },
  'Pull Request Labels_Create': (ctx) => {
    const repo = repoOf(ctx);
    const request = requestOf(repo, ctx.params.pullRequestId);
    const name = (ctx.body as { name?: string }).name ?? '';
    if (name.trim() === '') throw new FakeHttpError(400, 'A label needs a name.');
    const existing = request.labels.find((label) => label.toLowerCase() === name.toLowerCase());
    if (!existing) request.labels.push(name);
    return json(200, labelJson(ctx, repo, existing ?? name));
  },
  'Pull Request Labels_Delete': (ctx) => {
    const repo = repoOf(ctx);
    const request = requestOf(repo, ctx.params.pullRequestId);
    const wanted = ctx.params.labelIdOrName.toLowerCase();
    const found = request.labels.find(
      (label) => label.toLowerCase() === wanted || uuidOf(`label:${label.toLowerCase()}`) === wanted,
    );
    if (!found) throw new FakeHttpError(404, `TF401181: The label '${ctx.params.labelIdOrName}' was not found.`);
    request.labels = request.labels.filter((label) => label !== found);
    return { status: 200 };
  },
  Statuses_Create: (ctx) => {
    const repo = repoOf(ctx);
    const sha = commitOf(repo, ctx.params.commitId);
    const body = ctx.body as {
      state?: string;
      description?: string;
      targetUrl?: string;
      context?: { name?: string; genre?: string };
    };
    const name = body.context?.name ?? '';
    if (name === '') throw new FakeHttpError(400, 'The status context name cannot be null or empty.');
    const genre = body.context?.genre ?? '';
    const item: FakeStatus = {
      id: repo.nextId(),
      sha,
      identity: `${genre}/${name}`,
      name,
      genre,
      state: body.state ?? 'notSet',
      description: body.description ?? '',
      targetUrl: body.targetUrl ?? '',
      creator: BOT,
      createdAt: new Date().toISOString(),
    };
    repo.statuses.push(item);
    return json(201, statusJson(ctx, item));
  },
  Statuses_List: (ctx) => {
    const repo = repoOf(ctx);
    const sha = commitOf(repo, ctx.params.commitId);
    const latest = ctx.query.get('latestOnly') === 'true';
    const all = latest ? repo.latestStatuses(sha) : repo.statuses.filter((s) => s.sha === sha);
    const skip = Number(ctx.query.get('skip') ?? 0);
    const top = Number(ctx.query.get('top') ?? 1000);
    const newestFirst = [...all].sort((a, b) => b.id - a.id);
    return json(
      200,
      newestFirst.slice(skip, skip + top).map((s) => statusJson(ctx, s)),
    );
  },
};
