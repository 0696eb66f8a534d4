import type { Octokit } from '@octokit/rest' with { 'resolution-mode': 'import' };
import { GitHubClientOptions, createGitHubClient } from '../../io/github/github-client';
import { GitHubRepository, parseGitHubRepository, webOriginOf } from '../../io/github/repository-url';
import { UsageError } from '../errors';

export type { GitHubClientOptions } from '../../io/github/github-client';
export type { GitHubRepository } from '../../io/github/repository-url';

/** Makes the GitHub client of a run; tests pass one that talks to a local server. */
export type GitHubClientFactory = (options: GitHubClientOptions) => Promise<Octokit>;

export const PUBLIC_GITHUB_API = 'https://api.github.com';

/** A GitHub API root, checked, and the web origin whose repositories it serves (and that receives `GITHUB_TOKEN`). */
export interface GitHubApi {
  /** The REST API root: `https://api.github.com`, or `https://<host>/api/v3` for GitHub Enterprise Server. */
  readonly apiUrl: string;
  /** `https://github.com`, or the Enterprise host. */
  readonly githubOrigin: string;
}

/** `--github-api-url` (default the public API), checked. */
export function githubApi(apiUrl: string = PUBLIC_GITHUB_API): GitHubApi {
  if (!/^https?:\/\/[^/]/.test(apiUrl))
    throw new UsageError(`--github-api-url must be an http(s) URL, got ${JSON.stringify(apiUrl)}`);
  return { apiUrl, githubOrigin: webOriginOf(apiUrl) };
}

/** The owner and name of a repository on the GitHub `api` serves, or undefined for any other host. */
export function githubRepository(url: string, api: GitHubApi): GitHubRepository | undefined {
  return parseGitHubRepository(url, api.githubOrigin);
}

/**
 * The GitHub client of a run, made on first use. With `why`, a token must be set (else the client is anonymous:
 * public repositories, read only).
 */
export class GitHubAccess {
  private made?: Promise<Octokit>;

  public constructor(
    public readonly api: GitHubApi,
    private readonly token: string | undefined,
    private readonly factory: GitHubClientFactory = createGitHubClient,
  ) {}

  /** The same token and client factory for another GitHub API (a GitHub Enterprise Server named by its repository). */
  public forApi(apiUrl: string): GitHubAccess {
    return apiUrl === this.api.apiUrl ? this : new GitHubAccess(githubApi(apiUrl), this.token, this.factory);
  }

  public client(why?: string): Promise<Octokit> {
    if (why !== undefined && !this.token) throw new UsageError(`GITHUB_TOKEN is not set; ${why}`);
    this.made ??= this.factory({ token: this.token, baseUrl: this.api.apiUrl });
    return this.made;
  }
}
