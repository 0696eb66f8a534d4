/**
 * One request through the fake GitHub: record → authenticate → injected fault → route → check the request
 * against the contract → handle → check the answer against the contract → send.
 */
import { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'http';
import { checkBody, checkParameters, checkResponse, ContractViolation, RequestCheck, resourceOf } from './contract';
import { FaultQueue } from './faults';
import { FixtureOperation } from './fixture';
import { HttpError, Reply } from './http';
import { ROUTE_HANDLERS } from './routes';
import { Router } from './router';
import { World } from './world';

/** A request as the fake received it. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query, as sent (`/repos/o/r/git/ref/heads%2Fmain`). */
  readonly url: string;
  /** The parsed JSON body; the raw text when it was not JSON; `undefined` when empty. */
  readonly body: unknown;
  readonly rawBody: string;
  readonly headers: IncomingHttpHeaders;
  /** GitHub's operation id, when the route is known. */
  readonly operationId?: string;
  /** The status answered. */
  status?: number;
}

export interface PipelineState {
  readonly world: World;
  readonly router: Router;
  readonly faults: FaultQueue;
  readonly token: string;
  readonly requests: RecordedRequest[];
  readonly violations: ContractViolation[];
  readonly clock: () => Date;
}

const GENERIC_DOCS = 'https://docs.github.com/rest';

export async function handleRequest(state: PipelineState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks);
  const rawBody = raw.toString('utf-8');
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', state.world.apiUrl);
  let body: unknown;
  let badJson = false;
  if (raw.length > 0) {
    try {
      body = JSON.parse(rawBody);
    } catch {
      body = rawBody;
      badJson = true;
    }
  }
  const match = state.router.match(method, url.pathname);
  const recorded: RecordedRequest = {
    method,
    url: `${url.pathname}${url.search}`,
    body,
    rawBody,
    headers: req.headers,
    ...(match ? { operationId: match.operation.operationId } : {}),
  };
  state.requests.push(recorded);

  const reply = answer(state, recorded, match, badJson);
  recorded.status = reply.status;
  send(state, res, reply);
}

function answer(
  state: PipelineState,
  request: RecordedRequest,
  match: ReturnType<Router['match']>,
  badJson: boolean,
): Reply {
  const authorization = String(request.headers.authorization ?? '');
  const presented = /^(?:token|bearer)\s+(.+)$/i.exec(authorization)?.[1]?.trim();
  if (presented !== state.token) {
    return errorReply(new HttpError(401, 'Bad credentials'), undefined);
  }
  const fault = state.faults.take(request.method, match?.operation, {
    viewerId: state.world.viewer.id,
    now: state.clock(),
  });
  if (fault) {
    return fault;
  }
  if (!match) {
    return errorReply(new HttpError(404, 'Not Found'), undefined);
  }
  const op = match.operation;
  if (badJson) {
    return errorReply(new HttpError(400, 'Problems parsing JSON'), op);
  }
  const params: Record<string, unknown> = { ...match.params };
  const pathCheck = checkParameters(op, 'path', params);
  if (pathCheck.problems.length > 0) {
    violation(state, 'request', op, request, pathCheck.problems);
    return errorReply(new HttpError(404, 'Not Found'), op);
  }
  const url = new URL(request.url, state.world.apiUrl);
  const query: Record<string, unknown> = {};
  for (const p of op.parameters.filter((x) => x.in === 'query')) {
    const value = url.searchParams.get(p.name);
    if (value !== null) {
      query[p.name] = value;
    }
  }
  const queryCheck = checkParameters(op, 'query', query);
  const bodyCheck = checkBody(op, request.body);
  const invalid: RequestCheck[] = [queryCheck, bodyCheck].filter((c) => c.problems.length > 0);
  if (invalid.length > 0) {
    violation(
      state,
      'request',
      op,
      request,
      invalid.flatMap((c) => c.problems),
    );
    const messages = invalid.flatMap((c) => c.messages);
    return errorReply(
      new HttpError(
        422,
        `Invalid request.\n\n${messages.join('\n')}`,
        invalid.flatMap((c) => c.details),
      ),
      op,
    );
  }

  let reply: Reply;
  try {
    reply = ROUTE_HANDLERS[op.operationId]({
      world: state.world,
      operation: op,
      params,
      query,
      body: request.body,
      headers: request.headers,
      url,
    });
  } catch (e) {
    if (!(e instanceof HttpError)) {
      violation(state, 'response', op, request, [`handler threw: ${(e as Error).stack ?? String(e)}`], 500);
      return errorReply(new HttpError(500, `fake GitHub bug: ${(e as Error).message}`), op);
    }
    reply = errorReply(e, op);
  }
  if (reply.raw === undefined) {
    const problems = checkResponse(op, reply.status, reply.body);
    if (problems.length > 0) {
      violation(state, 'response', op, request, problems, reply.status);
    }
  }
  return reply;
}

function errorReply(error: HttpError, op: FixtureOperation | undefined): Reply {
  return {
    status: error.status,
    headers: error.headers,
    body: {
      message: error.message,
      ...(error.errors
        ? { errors: error.errors.map((d) => ({ resource: d.resource ?? resourceOf(op?.operationId ?? ''), ...d })) }
        : {}),
      documentation_url: op?.documentationUrl ?? GENERIC_DOCS,
      status: String(error.status),
    },
  };
}

function violation(
  state: PipelineState,
  kind: ContractViolation['kind'],
  op: FixtureOperation,
  request: RecordedRequest,
  errors: readonly string[],
  status?: number,
): void {
  state.violations.push({
    kind,
    operationId: op.operationId,
    method: request.method,
    url: request.url,
    ...(status !== undefined ? { status } : {}),
    errors,
  });
}

function send(state: PipelineState, res: ServerResponse, reply: Reply): void {
  const count = state.requests.length;
  const headers: Record<string, string> = {
    'x-github-api-version-selected': '2022-11-28',
    'x-github-media-type': 'github.v3; format=json',
    'x-github-request-id': `FAKE:${count.toString(16).toUpperCase().padStart(4, '0')}`,
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': String(Math.max(5000 - count, 1)),
    'x-ratelimit-used': String(Math.min(count, 4999)),
    'x-ratelimit-reset': String(Math.floor(state.clock().getTime() / 1000) + 3600),
    'x-ratelimit-resource': 'core',
    ...reply.headers,
  };
  if (reply.raw) {
    res.writeHead(reply.status, {
      ...headers,
      'content-type': reply.raw.contentType,
      'content-length': String(reply.raw.data.length),
    });
    res.end(reply.raw.data);
    return;
  }
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers);
    res.end();
    return;
  }
  const data = Buffer.from(JSON.stringify(reply.body), 'utf-8');
  res.writeHead(reply.status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(data.length),
  });
  res.end(data);
}
