/**
 * An `@octokit/rest` client pointed at a fake GitHub, optionally with the retry and throttling plugins configured
 * for tests (millisecond back-off instead of seconds, no 1 s spacing of writes, silent log).
 */
import type { Octokit } from '@octokit/rest' with { 'resolution-mode': 'import' };
import Bottleneck from 'bottleneck';
import type { GitHubServer } from './server';

export interface TestOctokitOptions {
  /**
   * Add `@octokit/plugin-retry` (retries 5xx; 1 ms × retry² back-off).
   * @default false
   */
  readonly retry?: boolean;
  /**
   * Add `@octokit/plugin-throttling` (waits out 403/429 rate limits; 1 ms per second GitHub asks for).
   * @default false
   */
  readonly throttle?: boolean;
  /**
   * How many times each plugin retries one request.
   * @default 3
   */
  readonly retries?: number;
  /**
   * The token to send.
   * @default - the server's token
   */
  readonly auth?: string;
}

/** Where `onRateLimit`/`onSecondaryRateLimit` calls are recorded (retry-after seconds and retry count). */
export interface RateLimitEvent {
  readonly kind: 'primary' | 'secondary';
  readonly retryAfter: number;
  readonly retryCount: number;
  readonly route: string;
}

/** A test Octokit plus the rate-limit events its throttling plugin reported. */
export type TestOctokit = Octokit & { readonly rateLimitEvents: RateLimitEvent[] };

const SILENT_LOG = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

export async function createTestOctokit(server: GitHubServer, options: TestOctokitOptions = {}): Promise<TestOctokit> {
  const { Octokit: OctokitClass } = await import('@octokit/rest');
  const plugins = [];
  if (options.retry) {
    plugins.push((await import('@octokit/plugin-retry')).retry);
  }
  if (options.throttle) {
    plugins.push((await import('@octokit/plugin-throttling')).throttling);
  }
  const retries = options.retries ?? 3;
  const events: RateLimitEvent[] = [];
  const limiter =
    (kind: RateLimitEvent['kind']) =>
    (
      retryAfter: number,
      request: { method?: string; url?: string },
      _octokit: unknown,
      retryCount: number,
    ): boolean => {
      events.push({ kind, retryAfter, retryCount, route: `${request.method} ${request.url}` });
      return retryCount < retries;
    };
  const Client = plugins.length > 0 ? OctokitClass.plugin(...plugins) : OctokitClass;
  const group = (maxConcurrent: number | null): Bottleneck.Group => new Bottleneck.Group({ maxConcurrent, minTime: 0 });
  // The plugin reads its Bottleneck groups from these options (undocumented in its types): replacing them drops
  // the 1 s minimum between writes that would otherwise slow every test down.
  const throttle = {
    onRateLimit: limiter('primary'),
    onSecondaryRateLimit: limiter('secondary'),
    retryAfterBaseValue: 1,
    fallbackSecondaryRateRetryAfter: 1,
    global: group(10),
    auth: group(1),
    search: group(1),
    write: group(1),
    notifications: group(1),
  };
  const octokit = new Client({
    baseUrl: server.url,
    auth: options.auth ?? server.token,
    log: SILENT_LOG,
    retry: { retries, retryAfterBaseValue: 1 },
    throttle,
  });
  return Object.assign(octokit as Octokit, { rateLimitEvents: events });
}
