/**
 * A local HTTP server on 127.0.0.1 that answers as one Git host's published API description says, for the operations
 * of its fixture: record → authenticate → injected fault → route → check the request → handle → check the answer →
 * send. Each host (`test/support/<host>-server/`) gives its handlers, its error shape and its authentication.
 */
import { IncomingHttpHeaders, Server, createServer } from 'http';
import { AddressInfo } from 'net';
import { Router } from '../github-server/router';
import type { FixtureOperation } from '../github-server/fixture';
import { Contract, ContractViolation } from './contract';
import { FakeRepo } from './repo-state';
import { HostFixture, HostOperation } from './swagger2';

export interface Reply {
  readonly status: number;
  /** JSON body. */
  readonly body?: unknown;
  /** Sent as is. */
  readonly raw?: { readonly contentType: string; readonly data: Buffer };
  readonly headers?: Readonly<Record<string, string>>;
}

/** Thrown by handlers for the host's error answers. */
export class FakeHttpError extends Error {
  public constructor(
    public readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface HandlerContext {
  readonly server: HostServer;
  readonly operation: HostOperation;
  /** Path parameters, decoded and coerced. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** Parsed JSON body. */
  readonly body: unknown;
  /** Multipart or url-encoded fields. */
  readonly form?: FormData;
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
}

export type Handler = (ctx: HandlerContext) => Reply | Promise<Reply>;

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly rawBody: string;
  readonly headers: IncomingHttpHeaders;
  readonly operationId?: string;
  status?: number;
}

export interface FaultOptions {
  /** Operation id of the requests to fail. @default - any */
  readonly route?: string;
  readonly method?: string;
  readonly status: 401 | 403 | 404 | 429 | 500 | 502 | 503;
  /** @default 1 */
  readonly times?: number;
  /** Seconds in `Retry-After`. @default - none */
  readonly retryAfter?: number;
  /** Answer as the host's rate limiter does (its headers). @default false */
  readonly rateLimit?: boolean;
  /** The error message of the answer. @default - the status's usual words */
  readonly message?: string;
}

export interface HostServerConfig {
  /** The host's name, for messages of the fake. */
  readonly name: string;
  readonly fixture: HostFixture;
  /** Path prefix of the API below the origin (`/api/v1`, `/2.0`, `` for Azure DevOps). */
  readonly basePath: string;
  readonly token: string;
  /** Whether the request presents the token the way the host expects. */
  readonly authenticate: (headers: IncomingHttpHeaders, token: string) => boolean;
  /** The host's error body. */
  readonly errorBody: (status: number, message: string) => unknown;
  /** Headers of a rate-limited answer (the host's reset headers). */
  readonly rateLimitHeaders: (retryAfter: number) => Record<string, string>;
  readonly handlers: Readonly<Record<string, Handler>>;
  /** Whether paths match whatever their letter case (Azure DevOps). @default false */
  readonly caseInsensitivePaths?: boolean;
  /** The query as the host reads it (Azure DevOps also takes `api-version` from `Accept`). @default - the URL's */
  readonly queryOf?: (url: URL, headers: IncomingHttpHeaders) => URLSearchParams;
  /** The body sent for a checked answer (Azure DevOps wraps collections in `{ count, value }`). @default - as is */
  readonly wireBody?: (operation: HostOperation, status: number, body: unknown) => unknown;
  /** Requests outside the description (Azure DevOps' resource locations), answered before routing. */
  readonly outsideContract?: (method: string, url: URL, headers: IncomingHttpHeaders) => Reply | undefined;
}

interface PendingFault {
  readonly options: FaultOptions;
  remaining: number;
}

export class HostServer {
  public static async listen(config: HostServerConfig): Promise<HostServer> {
    const http = createServer();
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(0, '127.0.0.1', () => {
        http.off('error', reject);
        resolve();
      });
    });
    http.unref();
    http.on('connection', (socket) => socket.unref());
    const { port } = http.address() as AddressInfo;
    return new HostServer(http, `http://127.0.0.1:${port}`, config);
  }

  /** Origin of the server, `http://127.0.0.1:<port>`. */
  public readonly origin: string;
  public readonly repos = new Map<string, FakeRepo>();
  private readonly router: Router;
  private readonly contract: Contract;
  private readonly recorded: RecordedRequest[] = [];
  private readonly violations: ContractViolation[] = [];
  private readonly faults: PendingFault[] = [];
  private closed = false;

  private constructor(
    private readonly http: Server,
    origin: string,
    public readonly config: HostServerConfig,
  ) {
    this.origin = origin;
    this.contract = new Contract(config.fixture);
    const missing = config.fixture.operations.filter((op) => !config.handlers[op.operationId]);
    if (missing.length > 0) {
      throw new Error(`fake ${config.name}: no handler for ${missing.map((op) => op.operationId).join(', ')}`);
    }
    this.router = new Router(
      config.fixture.operations.map(
        (op) => ({ ...op, path: `${config.basePath}${op.path}` }) as unknown as FixtureOperation,
      ),
      config.caseInsensitivePaths,
    );
    http.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        this.handle(req.method ?? 'GET', req.url ?? '/', req.headers, Buffer.concat(chunks))
          .then((reply) => send(res, reply))
          .catch((e: Error) =>
            send(res, { status: 500, body: { message: `fake ${config.name} crashed: ${e.stack}` } }),
          );
      });
    });
  }

  /** The API root clients are given: origin and base path. */
  public get apiUrl(): string {
    return `${this.origin}${this.config.basePath}`;
  }

  public get token(): string {
    return this.config.token;
  }

  public repo(owner: string, name: string): FakeRepo {
    const repo = this.repos.get(`${owner}/${name}`.toLowerCase());
    if (!repo) throw new FakeHttpError(404, `repository ${owner}/${name} not found`);
    return repo;
  }

  public createRepo(owner: string, name: string, defaultBranch = 'main'): FakeRepo {
    const repo = new FakeRepo(owner, name, defaultBranch);
    this.repos.set(`${owner}/${name}`.toLowerCase(), repo);
    return repo;
  }

  public failNext(fault: FaultOptions): void {
    this.faults.push({ options: fault, remaining: fault.times ?? 1 });
  }

  public pendingFaults(): number {
    return this.faults.reduce((n, f) => n + f.remaining, 0);
  }

  public requests(): RecordedRequest[] {
    return [...this.recorded];
  }

  /** Requests whose URL or body contains `text` (headers, which carry the token, are not searched). */
  public requestsContaining(text: string): RecordedRequest[] {
    return this.recorded.filter((r) => [r.url, decodeURIComponent(r.url), r.rawBody].some((h) => h.includes(text)));
  }

  public contractViolations(): ContractViolation[] {
    return [...this.violations];
  }

  public async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await new Promise<void>((resolve, reject) => {
      this.http.close((err) => (err ? reject(err) : resolve()));
      this.http.closeAllConnections();
    });
  }

  private async handle(method: string, rawUrl: string, headers: IncomingHttpHeaders, raw: Buffer): Promise<Reply> {
    const url = new URL(rawUrl, this.origin);
    const match = this.router.match(method.toUpperCase(), url.pathname);
    const recorded: RecordedRequest = {
      method,
      url: `${url.pathname}${url.search}`,
      rawBody: raw.toString('utf-8'),
      headers,
      ...(match ? { operationId: match.operation.operationId } : {}),
    };
    this.recorded.push(recorded);
    const reply = await this.answer(recorded, url, match, raw).catch((e: unknown) => {
      if (e instanceof FakeHttpError) return this.error(e.status, e.message);
      throw e;
    });
    recorded.status = reply.status;
    return reply;
  }

  private async answer(
    request: RecordedRequest,
    url: URL,
    match: ReturnType<Router['match']>,
    raw: Buffer,
  ): Promise<Reply> {
    const outside = this.config.outsideContract?.(request.method, url, request.headers);
    if (outside) return outside;
    if (!this.config.authenticate(request.headers, this.config.token)) return this.error(401, 'Unauthorized');
    const fault = this.takeFault(request.method, match?.operation.operationId);
    if (fault) return fault;
    if (!match) return this.error(404, `no route ${request.method} ${url.pathname}`);
    const op = match.operation as unknown as HostOperation;
    const params: Record<string, unknown> = { ...match.params };
    const problems = this.contract.checkParameters(op, 'path', params);
    const searchParams = this.config.queryOf?.(url, request.headers) ?? url.searchParams;
    const query: Record<string, unknown> = {};
    for (const p of op.parameters.filter((x) => x.in === 'query')) {
      const values = searchParams.getAll(p.name);
      if (values.length > 0) query[p.name] = (p.schema as { type?: string }).type === 'array' ? values : values[0];
    }
    problems.push(...this.contract.checkParameters(op, 'query', query));
    const contentType = String(request.headers['content-type'] ?? '');
    let body: unknown;
    let form: FormData | undefined;
    if (/multipart\/form-data|x-www-form-urlencoded/.test(contentType)) {
      form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    } else if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf-8'));
      } catch {
        return this.error(400, 'the body is not JSON');
      }
    }
    problems.push(...this.contract.checkBody(op, body));
    if (problems.length > 0) {
      this.violations.push({
        kind: 'request',
        operationId: op.operationId,
        method: request.method,
        url: request.url,
        errors: problems,
      });
      return this.error(422, `invalid request: ${problems.join('; ')}`);
    }
    let reply: Reply;
    try {
      reply = await this.config.handlers[op.operationId]({
        server: this,
        operation: op,
        params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
        query: searchParams,
        body,
        ...(form ? { form } : {}),
        url,
        headers: request.headers,
      });
    } catch (e) {
      if (e instanceof FakeHttpError) return this.error(e.status, e.message);
      this.violations.push({
        kind: 'response',
        operationId: op.operationId,
        method: request.method,
        url: request.url,
        status: 500,
        errors: [`handler threw: ${(e as Error).stack}`],
      });
      return this.error(500, `fake ${this.config.name} bug: ${(e as Error).message}`);
    }
    if (!reply.raw) {
      const wrong = this.contract.checkResponse(op, reply.status, reply.body);
      if (wrong.length > 0) {
        this.violations.push({
          kind: 'response',
          operationId: op.operationId,
          method: request.method,
          url: request.url,
          status: reply.status,
          errors: wrong,
        });
      }
      if (this.config.wireBody && reply.body !== undefined) {
        return { ...reply, body: this.config.wireBody(op, reply.status, reply.body) };
      }
    }
    return reply;
  }

  private takeFault(method: string, operationId: string | undefined): Reply | undefined {
    const index = this.faults.findIndex(
      (f) =>
        (f.options.method === undefined || f.options.method.toUpperCase() === method.toUpperCase()) &&
        (f.options.route === undefined || f.options.route === operationId),
    );
    if (index < 0) return undefined;
    const fault = this.faults[index];
    fault.remaining -= 1;
    if (fault.remaining === 0) this.faults.splice(index, 1);
    const { status, retryAfter, rateLimit } = fault.options;
    const headers = {
      ...(rateLimit ? this.config.rateLimitHeaders(retryAfter ?? 0) : {}),
      ...(retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {}),
    };
    const message =
      fault.options.message ??
      (status === 429 || rateLimit ? 'Too Many Requests' : status === 401 ? 'Unauthorized' : `injected ${status}`);
    return { ...this.error(status, message), headers };
  }

  private error(status: number, message: string): Reply {
    return { status, body: this.config.errorBody(status, message) };
  }
}

function send(res: import('http').ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
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

/** The bearer or `token` credential of an `authorization` header. */
export function presentedToken(headers: IncomingHttpHeaders): string | undefined {
  return /^(?:token|bearer)\s+(.+)$/i.exec(String(headers.authorization ?? ''))?.[1]?.trim();
}
