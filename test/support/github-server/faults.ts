/**
 * Fault injection: the next matching requests are answered with an error instead of being handled (no state
 * changes), for retry and throttling tests.
 */
import { FixtureOperation } from './fixture';
import { Reply } from './http';

export interface FaultOptions {
  /** Only requests with this method (`GET`, `POST`, …). @default - any method */
  readonly method?: string;
  /**
   * Only requests to this operation: an operation id (`git/create-tree`), an Octokit route
   * (`POST /repos/{owner}/{repo}/git/trees`) or a path template (`/repos/{owner}/{repo}/git/trees`).
   * @default - any request, including unknown routes
   */
  readonly route?: string;
  /** The status to answer. With `rateLimit`, 403 or 429. */
  readonly status: 403 | 404 | 422 | 429 | 500 | 502 | 503;
  /** How many matching requests fail. @default 1 */
  readonly times?: number;
  /**
   * Answer as GitHub's rate limiter: `true` or `'primary'` sends `x-ratelimit-remaining: 0` and a
   * `x-ratelimit-reset` of now; `'secondary'` sends "You have exceeded a secondary rate limit" with `retry-after`.
   * @default - a plain error
   */
  readonly rateLimit?: true | 'primary' | 'secondary';
  /** Seconds in `retry-after` (and until `x-ratelimit-reset` for a primary limit). @default 0 (primary), 1 (secondary) */
  readonly retryAfter?: number;
  /** The `message` of the error body. @default - GitHub's message for the status or limit */
  readonly message?: string;
}

const DEFAULT_MESSAGES: Readonly<Record<number, string>> = {
  403: 'Forbidden',
  404: 'Not Found',
  422: 'Validation Failed',
  429: 'Too Many Requests',
  500: 'Server Error',
  502: 'Server Error',
  503: 'Service Unavailable',
};

const RATE_LIMIT_DOCS = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';

interface PendingFault {
  readonly options: FaultOptions;
  remaining: number;
}

export class FaultQueue {
  private readonly pending: PendingFault[] = [];

  public add(options: FaultOptions): void {
    if (options.rateLimit && options.status !== 403 && options.status !== 429) {
      throw new Error(`failNext: a rate limit answers 403 or 429, got ${options.status}`);
    }
    const times = options.times ?? 1;
    if (!Number.isInteger(times) || times < 1) {
      throw new Error(`failNext: times must be a positive integer, got ${times}`);
    }
    this.pending.push({ options, remaining: times });
  }

  /** Faults not yet used up. */
  public remaining(): number {
    return this.pending.reduce((n, f) => n + f.remaining, 0);
  }

  /** The reply for the first pending fault matching this request (consuming one use), if any. */
  public take(
    method: string,
    operation: FixtureOperation | undefined,
    context: { viewerId: number; now: Date },
  ): Reply | undefined {
    const index = this.pending.findIndex((f) => matches(f.options, method, operation));
    if (index < 0) {
      return undefined;
    }
    const fault = this.pending[index];
    fault.remaining -= 1;
    if (fault.remaining === 0) {
      this.pending.splice(index, 1);
    }
    return faultReply(fault.options, operation, context);
  }
}

function matches(options: FaultOptions, method: string, operation: FixtureOperation | undefined): boolean {
  if (options.method !== undefined && options.method.toUpperCase() !== method) {
    return false;
  }
  if (options.route === undefined) {
    return true;
  }
  if (!operation) {
    return false;
  }
  const route = options.route.trim();
  return (
    route === operation.operationId || route === operation.path || route === `${operation.method} ${operation.path}`
  );
}

function faultReply(
  options: FaultOptions,
  operation: FixtureOperation | undefined,
  context: { viewerId: number; now: Date },
): Reply {
  const nowSeconds = Math.floor(context.now.getTime() / 1000);
  if (options.rateLimit === 'secondary') {
    const retryAfter = options.retryAfter ?? 1;
    return {
      status: options.status,
      headers: { 'retry-after': String(retryAfter) },
      body: {
        message:
          options.message ??
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        documentation_url: `${RATE_LIMIT_DOCS}#about-secondary-rate-limits`,
        status: String(options.status),
      },
    };
  }
  if (options.rateLimit) {
    const retryAfter = options.retryAfter ?? 0;
    return {
      status: options.status,
      headers: {
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-used': '5000',
        'x-ratelimit-reset': String(nowSeconds + retryAfter),
        'x-ratelimit-resource': 'core',
        'retry-after': String(retryAfter),
      },
      body: {
        message: options.message ?? `API rate limit exceeded for user ID ${context.viewerId}.`,
        documentation_url: `${RATE_LIMIT_DOCS}#about-primary-rate-limits`,
        status: String(options.status),
      },
    };
  }
  return {
    status: options.status,
    body: {
      message: options.message ?? DEFAULT_MESSAGES[options.status],
      documentation_url: operation?.documentationUrl ?? 'https://docs.github.com/rest',
      status: String(options.status),
    },
  };
}
