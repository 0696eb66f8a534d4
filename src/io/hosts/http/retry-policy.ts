/** How a failed answer is retried (pure): rate limits wait as the host asks, server errors back off, both bounded. */
export interface RetryPolicy {
  /** How often one request is retried. @default 3 */
  readonly retries: number;
  /** Longest wait the host may ask for, in seconds; a longer one fails the request. @default 300 */
  readonly maxRateLimitWait: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 3, maxRateLimitWait: 300 };

/** What to do with an answer. */
export type RetryDecision =
  | { readonly retry: false; readonly rateLimited: boolean; readonly waitSeconds?: number }
  | { readonly retry: true; readonly waitSeconds: number };

/** The headers the decision reads, lower case. */
export type HeaderLookup = (name: string) => string | undefined;

/**
 * Decides whether to retry after `status`, the `attempt`-th failure (0-based): 429, and 403 with an exhausted or
 * secondary rate limit, wait for `Retry-After` (seconds or an HTTP date) or the reset time (`X-RateLimit-Reset`,
 * `RateLimit-Reset`, epoch seconds); 500, 502, 503 and 504 back off exponentially (1, 2, 4… seconds) unless
 * `Retry-After` says more. Anything else, or a wait over the limit, is not retried.
 */
export function decideRetry(
  status: number,
  header: HeaderLookup,
  attempt: number,
  policy: RetryPolicy,
  nowSeconds: number,
): RetryDecision {
  const asked = askedWait(header, nowSeconds);
  const rateLimited =
    status === 429 ||
    (status === 403 &&
      (asked !== undefined || header('x-ratelimit-remaining') === '0' || header('ratelimit-remaining') === '0'));
  const serverError = status === 500 || status === 502 || status === 503 || status === 504;
  if (!rateLimited && !serverError) return { retry: false, rateLimited: false };
  const wait = asked ?? 2 ** attempt;
  if (attempt >= policy.retries) return { retry: false, rateLimited, waitSeconds: wait };
  if (rateLimited && wait > policy.maxRateLimitWait) return { retry: false, rateLimited, waitSeconds: wait };
  return { retry: true, waitSeconds: Math.min(wait, policy.maxRateLimitWait) };
}

function askedWait(header: HeaderLookup, nowSeconds: number): number | undefined {
  const retryAfter = header('retry-after');
  if (retryAfter !== undefined && retryAfter.trim() !== '') {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil(date / 1000 - nowSeconds));
  }
  const reset = header('x-ratelimit-reset') ?? header('ratelimit-reset');
  const remaining = header('x-ratelimit-remaining') ?? header('ratelimit-remaining');
  if (reset !== undefined && remaining === '0') {
    const at = Number(reset);
    if (Number.isFinite(at)) return Math.max(0, Math.ceil(at > 1e9 ? at - nowSeconds : at));
  }
  return undefined;
}
