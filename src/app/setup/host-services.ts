import { GitServices, gitServices } from './git-services';
import { GitHubAccess, GitHubClientFactory } from './github-access';
import { HostAccess, HostFlags, PullRequestHostFactory, githubApiOf, hostSelection } from './host-access';

export interface HostServicesOptions {
  /** Where remote repositories are mirrored. @default - under the user's cache folder */
  readonly cache?: string;
  /** @default - the real GitHub client */
  readonly createGitHubClient?: GitHubClientFactory;
  /** @default - the real adapters */
  readonly createPullRequestHost?: PullRequestHostFactory;
}

/** What a command that reaches Git hosts runs with: git (each host's token sent to that host only) and the hosts. */
export interface HostServices {
  readonly git: GitServices;
  readonly github: GitHubAccess;
  readonly hosts: HostAccess;
}

/**
 * git and the Git hosts of a run, from the host flags (`--host`, `--api-url`, `--github-api-url`, checked) and the
 * environment the tokens are read from.
 */
export function hostServices(
  flags: HostFlags,
  env: Readonly<Record<string, string | undefined>> | undefined,
  options: HostServicesOptions = {},
): HostServices {
  const selection = hostSelection(flags);
  const api = githubApiOf(selection);
  const git = gitServices(env, { cache: options.cache, githubOrigin: api.githubOrigin, hosts: selection });
  const github = new GitHubAccess(api, git.token, options.createGitHubClient);
  const hosts = new HostAccess({
    selection,
    env: env ?? {},
    github,
    ...(options.createPullRequestHost ? { factory: options.createPullRequestHost } : {}),
  });
  return { git, github, hosts };
}
