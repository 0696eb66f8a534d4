import { createPullRequestHost } from '../../io/hosts/create-host';
import { GitHubHost } from '../../io/hosts/github/github-host';
import { HostClientOptions } from '../../io/hosts/host-client-options';
import { kindOfApiUrl, locateRepository } from '../../io/hosts/host-selection';
import { TOKEN_VARIABLES, hostToken } from '../../io/hosts/host-token';
import { HostKind, PullRequestHost } from '../../io/hosts/pull-request-host';
import { HostOverride, HostRepository, RecognisedRepository, parseHostKind } from '../../io/hosts/repository-location';
import { UsageError } from '../errors';
import { GitHubAccess, GitHubApi, PUBLIC_GITHUB_API, githubApi } from './github-access';

export type { HostOverride as HostSelection, HostRepository } from '../../io/hosts/repository-location';
export type { PullRequestHost } from '../../io/hosts/pull-request-host';
export { HostKind } from '../../io/hosts/pull-request-host';

/** Makes the adapter of a repository that is not on GitHub; tests pass one that talks to a local server. */
export type PullRequestHostFactory = (
  repository: HostRepository,
  options: HostClientOptions,
) => Promise<PullRequestHost>;

/** `--host`, `--api-url`, and `--github-api-url`, which is `--host github --api-url` under its old name. */
export interface HostFlags {
  readonly host?: string;
  readonly apiUrl?: string;
  readonly githubApiUrl?: string;
}

const KINDS = Object.values(HostKind).join(', ');

/** The instance the command line names, checked: a usage error for an unknown kind, a URL that is not http(s)… */
export function hostSelection(flags: HostFlags): HostOverride {
  if (flags.githubApiUrl !== undefined) {
    if (flags.apiUrl !== undefined || (flags.host !== undefined && parseHostKind(flags.host) !== HostKind.GITHUB)) {
      throw new UsageError('--github-api-url is --host github --api-url URL under its old name; give one or the other');
    }
    return { kind: HostKind.GITHUB, apiUrl: checkedUrl(flags.githubApiUrl, '--github-api-url') };
  }
  let kind: HostKind | undefined;
  if (flags.host !== undefined) {
    kind = parseHostKind(flags.host);
    if (!kind) throw new UsageError(`--host takes one of ${KINDS}, got ${JSON.stringify(flags.host)}`);
  }
  if (flags.apiUrl === undefined) return kind ? { kind } : {};
  const apiUrl = checkedUrl(flags.apiUrl, '--api-url');
  kind ??= kindOfApiUrl(apiUrl);
  if (!kind) {
    throw new UsageError(`--api-url ${apiUrl} needs --host to say which Git host serves it (${KINDS})`);
  }
  return { kind, apiUrl };
}

/** The GitHub API of a selection: its API URL when it names a GitHub, else the public API. */
export function githubApiOf(selection: HostOverride): GitHubApi {
  return githubApi(selection.kind === HostKind.GITHUB && selection.apiUrl ? selection.apiUrl : PUBLIC_GITHUB_API);
}

export interface HostAccessProps {
  /** The instance the run was pointed at. @default - every host recognised by name */
  readonly selection?: HostOverride;
  /** Where each host's token is read (`GITLAB_TOKEN`…). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** GitHub's client (its factory, its token). */
  readonly github: GitHubAccess;
  /** @default createPullRequestHost */
  readonly factory?: PullRequestHostFactory;
}

/**
 * How a run reaches Git hosts: which host serves a repository, and its adapter with the host's token — made on first
 * use, once per repository. GitHub goes through `GitHubAccess`, so that its client is made as it always was.
 */
export class HostAccess {
  private readonly opened = new Map<string, Promise<PullRequestHost>>();

  public constructor(private readonly props: HostAccessProps) {}

  /** Access with the GitHub of `github` as the only instance named (what callers that know only GitHub get). */
  public static aroundGitHub(
    github: GitHubAccess,
    env: Readonly<Record<string, string | undefined>> = process.env,
  ): HostAccess {
    const selection =
      github.api.apiUrl === PUBLIC_GITHUB_API ? {} : { kind: HostKind.GITHUB, apiUrl: github.api.apiUrl };
    return new HostAccess({ selection, env, github });
  }

  public get selection(): HostOverride {
    return this.props.selection ?? {};
  }

  /** The host of a repository URL (see `locateRepository`), or why it has none, in the command line's words. */
  public locate(url: string): RecognisedRepository {
    const located = locateRepository(url, this.selection);
    if (!('problem' in located) || located.unknownHost === undefined) return located;
    return {
      problem: `cannot tell which Git host serves ${located.unknownHost}; give --host (${KINDS}) and, for a self-hosted instance, --api-url`,
      unknownHost: located.unknownHost,
    };
  }

  /** The adapter of a repository. With `why`, its host's token must be set (else anonymous: public, read only). */
  public async open(repository: HostRepository, why?: string): Promise<PullRequestHost> {
    if (repository.kind === HostKind.GITHUB) {
      const octokit = await this.props.github.forApi(repository.apiUrl).client(why);
      return new GitHubHost(octokit, { owner: repository.owner, repo: repository.repo });
    }
    const token = hostToken(repository.kind, this.props.env);
    if (why !== undefined && !token) {
      throw new UsageError(`${TOKEN_VARIABLES[repository.kind].join(' or ')} is not set; ${why}`);
    }
    const key = JSON.stringify(repository);
    let opened = this.opened.get(key);
    if (!opened) {
      opened = (this.props.factory ?? createPullRequestHost)(repository, {
        ...(token ? { token: token.token, tokenVariable: token.variable } : {}),
      });
      this.opened.set(key, opened);
    }
    return opened;
  }
}

function checkedUrl(url: string, flag: string): string {
  if (!/^https?:\/\/[^/]/.test(url)) throw new UsageError(`${flag} must be an http(s) URL, got ${JSON.stringify(url)}`);
  return url;
}
