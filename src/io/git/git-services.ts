import { GitCache, defaultCacheFolder } from './git-cache';
import { Environment, gitEnvironment, tokenUrlFor } from './git-environment';
import { GitRunner } from './git-runner';

/** git as a run uses it: one runner, one cache, one token. */
export interface GitServices {
  readonly git: GitRunner;
  readonly cache: GitCache;
  /** The GitHub token, when there is one. */
  readonly token?: string;
}

export interface GitServicesOptions {
  /** Sent over https to the GitHub host only, and scrubbed from every message. */
  readonly token?: string;
  /** Where remote repositories are mirrored. @default defaultCacheFolder(env) */
  readonly cache?: string;
  /** Web origin of the GitHub that receives the token. @default 'https://github.com' */
  readonly githubOrigin?: string;
}

/**
 * The git runner and cache of a run: git's environment is `env`, with the token sent only to the GitHub host
 * (`http.<origin>/.extraHeader`, in `GIT_CONFIG_*` variables).
 */
export function createGitServices(env: Environment, options: GitServicesOptions = {}): GitServices {
  const { token } = options;
  const git = new GitRunner({
    env: gitEnvironment(env, { token, tokenUrls: [tokenUrlFor(options.githubOrigin ?? 'https://github.com')] }),
    secrets: token ? [token] : [],
  });
  return { git, cache: new GitCache(options.cache ?? defaultCacheFolder(env), git), token };
}
