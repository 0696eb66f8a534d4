import { redactSecrets } from '../../git/secrets';
import { HostError, isTransientNetworkError, networkErrorCode } from '../host-error';
import { DEFAULT_RETRY_POLICY, RetryPolicy, decideRetry } from './retry-policy';

export interface RestClientProps {
  /** The API root, e.g. `https://gitea.example.com/api/v1`. */
  readonly apiUrl: string;
  /** The host's name in messages: `Gitea answered 404 …`. */
  readonly hostName: string;
  /** Headers sent with every request (authentication among them). @default {} */
  readonly headers?: Readonly<Record<string, string>>;
  /** Tokens to keep out of every message. @default [] */
  readonly secrets?: readonly string[];
  /** Where the token comes from, named when the host rejects it (`GITEA_TOKEN`). */
  readonly tokenVariable?: string;
  /** @default DEFAULT_RETRY_POLICY */
  readonly retry?: Partial<RetryPolicy>;
  /** Milliseconds slept per second of waiting; tests shrink it. @default 1000 */
  readonly millisecondsPerSecond?: number;
  /** Longest time one attempt may take, in seconds. @default 60 */
  readonly timeoutSeconds?: number;
  /** How the host's error body is put in words. @default - its `message`, `error.message` or `error` */
  readonly describeError?: (body: unknown) => string | undefined;
}

export type QueryValue = string | number | boolean | undefined;

export interface RestRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the API root, each segment already encoded: `/repos/org/gitops/pulls`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, QueryValue | readonly QueryValue[]>>;
  /** A JSON body. */
  readonly json?: unknown;
  /** A multipart body. */
  readonly form?: FormData;
  /** What the request does, for messages: `list the pull requests of org/gitops`. */
  readonly doing: string;
  /** Statuses answered without failing (e.g. 404 for "no such branch"). @default [] */
  readonly accept?: readonly number[];
}

export interface RestResponse {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON, the text of any other answer, or undefined when empty. */
  readonly body: unknown;
}

/**
 * A small JSON client over `fetch` for hosts without a well-kept client library (Gitea, Bitbucket Cloud), and the
 * transport under GitLab's: rate limits (429, and 403 with an exhausted limit) wait as `Retry-After` or the reset
 * header asks, up to a bound; 5xx answers back off and retry a bounded number of times; a name that does not resolve
 * fails at once; a rejected token says which variable it came from. Every message is free of the tokens.
 */
export class RestClient {
  private readonly policy: RetryPolicy;

  public constructor(private readonly props: RestClientProps) {
    this.policy = { ...DEFAULT_RETRY_POLICY, ...props.retry };
  }

  public get apiUrl(): string {
    return this.props.apiUrl.replace(/\/+$/, '');
  }

  /** One call: the parsed answer, or a `HostError`. */
  public async request(request: RestRequest): Promise<RestResponse> {
    const url = new URL(`${this.apiUrl}${request.path}`);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== undefined) url.searchParams.append(name, String(item));
      }
    }
    const headers: Record<string, string> = { accept: 'application/json', ...this.props.headers };
    let body: string | FormData | undefined;
    if (request.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.json);
    } else if (request.form) {
      body = request.form;
    }
    const response = await this.send(url, { method: request.method, headers, body }, request.doing, request.accept);
    return { status: response.status, headers: response.headers, body: await readBody(response) };
  }

  /**
   * Sends a request with the retry rules and returns the answer; an error status not in `accept` becomes a
   * `HostError` (for other clients' transports, such as GitLab's).
   */
  public async send(url: URL, init: RequestInit, doing: string, accept: readonly number[] = []): Promise<Response> {
    const perSecond = this.props.millisecondsPerSecond ?? 1000;
    for (let attempt = 0; ; attempt += 1) {
      let response: Response;
      try {
        response = await fetch(url, {
          ...init,
          redirect: 'error',
          signal: AbortSignal.timeout((this.props.timeoutSeconds ?? 60) * 1000),
        });
      } catch (e) {
        const code = networkErrorCode(e);
        if (code && isTransientNetworkError(code) && attempt < this.policy.retries) {
          await sleep(2 ** attempt * perSecond);
          continue;
        }
        throw new HostError(this.redact(`cannot ${doing}: cannot reach ${url.host} (${code ?? describe(e)})`));
      }
      if (response.ok || accept.includes(response.status)) return response;
      const decision = decideRetry(
        response.status,
        (name) => response.headers.get(name) ?? undefined,
        attempt,
        this.policy,
        Date.now() / 1000,
      );
      if (decision.retry) {
        await response.arrayBuffer().catch(() => undefined);
        await sleep(decision.waitSeconds * perSecond);
        continue;
      }
      const answer = await readBody(response).catch(() => undefined);
      throw this.failure(doing, response.status, answer, decision.rateLimited ? decision.waitSeconds : undefined);
    }
  }

  private failure(doing: string, status: number, body: unknown, rateLimitWait?: number): HostError {
    const said = (this.props.describeError ?? describeErrorBody)(body) ?? statusText(status);
    let hint = '';
    if (status === 401) {
      hint = this.props.tokenVariable
        ? `; the token was rejected: check ${this.props.tokenVariable}`
        : '; the request was not authenticated: set the token';
    } else if (rateLimitWait !== undefined) {
      hint =
        rateLimitWait > this.policy.maxRateLimitWait
          ? `; the rate limit resets in ${rateLimitWait} s, longer than the ${this.policy.maxRateLimitWait} s allowed to wait`
          : `; still rate limited after ${this.policy.retries} retries`;
    } else if (status >= 500) {
      hint = `; gave up after ${this.policy.retries} retries`;
    }
    return new HostError(
      this.redact(`cannot ${doing}: ${this.props.hostName} answered ${status} ${oneLine(said)}${hint}`),
      status,
    );
  }

  private redact(text: string): string {
    return redactSecrets(text, this.props.secrets ?? []);
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  if (/json/i.test(response.headers.get('content-type') ?? '')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/** The words of the usual error shapes: `{ message }` (GitHub, Gitea, GitLab, Azure DevOps), `{ error: { message } }` (Bitbucket), `{ error }`. */
export function describeErrorBody(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() === '' ? undefined : body.slice(0, 500);
  if (typeof body !== 'object' || body === null) return undefined;
  const { message, error } = body as { message?: unknown; error?: unknown };
  if (typeof message === 'string') return message;
  if (message !== undefined) return JSON.stringify(message).slice(0, 500);
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null) {
    const inner = error as { message?: unknown; detail?: unknown };
    const parts = [inner.message, inner.detail].filter((part) => typeof part === 'string');
    if (parts.length > 0) return parts.join(': ');
  }
  return undefined;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function statusText(status: number): string {
  const names: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    422: 'Unprocessable Entity',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  };
  return names[status] ?? 'error';
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
