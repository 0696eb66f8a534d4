import { defaultCacheFolder } from '../../io/git/git-cache';
import { GitServices, createGitServices } from '../../io/git/git-services';

export type { GitServices } from '../../io/git/git-services';
export { redactSecrets } from '../../io/git/secrets';

export interface GitServicesOptions {
  /** Where remote repositories are mirrored. @default - under the user's cache folder (`XDG_CACHE_HOME`, `~/.cache`) */
  readonly cache?: string;
  /** Web origin of the GitHub that receives `GITHUB_TOKEN` over https. @default 'https://github.com' */
  readonly githubOrigin?: string;
}

/**
 * The git runner and cache of a run: git's environment is `env` (the process's when undefined), with `GITHUB_TOKEN`
 * sent only to the GitHub host and scrubbed from every message.
 */
export function gitServices(
  env: Readonly<Record<string, string | undefined>> | undefined,
  options: GitServicesOptions = {},
): GitServices {
  const variables = env ?? {};
  return createGitServices(env ?? process.env, {
    token: variables.GITHUB_TOKEN || undefined,
    cache: options.cache ?? defaultCacheFolder(variables),
    githubOrigin: options.githubOrigin,
  });
}
