import type { Octokit } from '@octokit/rest' with { 'resolution-mode': 'import' };
import { GitHubUnreachableError, isDnsFailure, unanswered } from './github-error';

export interface GitHubClientOptions {
  /**
   * The token (`GITHUB_TOKEN`), sent in the `authorization` header only.
   * @default - anonymous (public repositories, read only)
   */
  readonly token?: string;
  /**
   * The REST API root; GitHub Enterprise Server's is `https://<host>/api/v3`.
   * @default 'https://api.github.com'
   */
  readonly baseUrl?: string;
  /**
   * How often one request is retried after a 5xx answer or a rate limit.
   * @default 3
   */
  readonly retries?: number;
  /**
   * Longest wait for a rate limit to reset, in seconds; a longer one fails the request.
   * @default 300
   */
  readonly maxRateLimitWait?: number;
}

const SILENT_LOG = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Fails a request whose host name does not resolve at once, as `GitHubUnreachableError`. Octokit reports a request
 * that got no answer as status 500, which the retry plugin would retry with back-off (1 + 4 + 9 s) only to report
 * "500" that no server sent. Registered before the retry plugin, this hook sits inside it and sees each attempt; other
 * network failures (a reset connection) are left to be retried, and `toGitHubError` names them.
 */
function failFastOnUnresolvedHosts(octokit: Pick<Octokit, 'hook'>): void {
  octokit.hook.wrap('request', async (request, options) => {
    try {
      return await request(options);
    } catch (e) {
      const failure = unanswered(e);
      if (failure && isDnsFailure(failure)) throw new GitHubUnreachableError(failure.host, failure.reason);
      throw e;
    }
  });
}

/**
 * An `@octokit/rest` client with the retry plugin (5xx answers, with back-off) and the throttling plugin (waits out
 * primary and secondary rate limits, spaces writes as GitHub asks); a host name that does not resolve fails at once.
 * The plugins are ESM-only, hence the dynamic imports.
 */
export async function createGitHubClient(options: GitHubClientOptions = {}): Promise<Octokit> {
  const { Octokit: OctokitClass } = await import('@octokit/rest');
  const { retry } = await import('@octokit/plugin-retry');
  const { throttling } = await import('@octokit/plugin-throttling');
  const retries = options.retries ?? 3;
  const maxWait = options.maxRateLimitWait ?? 300;
  const onLimit = (retryAfter: number, _request: unknown, _octokit: unknown, retryCount: number): boolean =>
    retryCount < retries && retryAfter <= maxWait;
  const Client = OctokitClass.plugin(failFastOnUnresolvedHosts, retry, throttling);
  return new Client({
    auth: options.token,
    baseUrl: options.baseUrl ?? 'https://api.github.com',
    userAgent: 'kalypso-cdk8s',
    log: SILENT_LOG,
    retry: { retries },
    throttle: { onRateLimit: onLimit, onSecondaryRateLimit: onLimit },
  }) as Octokit;
}
