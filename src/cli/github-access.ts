import type { Octokit } from '@octokit/rest' with { 'resolution-mode': 'import' };
import { GitHubClientOptions } from '../io/github/github-client';
import { webOriginOf } from '../io/github/repository-url';
import { UsageError } from './exit';

/** What a command that talks to GitHub needs from outside; tests replace the client. */
export interface GitHubServices {
  /** @default createGitHubClient */
  readonly createGitHubClient?: (options: GitHubClientOptions) => Promise<Octokit>;
}

/** `--github-api-url` (default the public API), checked, and the web origin that receives `GITHUB_TOKEN` over https. */
export function githubApi(values: Record<string, unknown>): { readonly apiUrl: string; readonly githubOrigin: string } {
  const apiUrl = (values['github-api-url'] as string | undefined) ?? 'https://api.github.com';
  if (!/^https?:\/\/[^/]/.test(apiUrl))
    throw new UsageError(`--github-api-url must be an http(s) URL, got ${JSON.stringify(apiUrl)}`);
  return { apiUrl, githubOrigin: webOriginOf(apiUrl) };
}
