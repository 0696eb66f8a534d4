/** The fake Azure DevOps' handlers of pull requests, their labels, and commit statuses. */
import { FakeRepo, FakeRequest, FakeStatus } from '../host-server/repo-state';
import { FakeHttpError, Handler, HandlerContext } from '../host-server/server';
import { BOT, apiBase, branchOfRef, commitOf, identity, json, repoOf, repository, uuidOf } from './wire';

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

export const PULL_REQUEST_HANDLERS: Record<string, Handler> = {
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
