import { GitCache, defaultCacheFolder } from '../../io/git/git-cache';
import { Environment, gitEnvironment, tokenUrlFor } from '../../io/git/git-environment';
import { GitRunner } from '../../io/git/git-runner';
import { GitServices } from '../../io/git/git-services';
import { gitCredential, gitTokenUrls } from '../../io/hosts/git-credential';
import { TOKEN_VARIABLES, hostToken } from '../../io/hosts/host-token';
import { HostKind } from '../../io/hosts/pull-request-host';
import { HostOverride } from '../../io/hosts/repository-location';

export type { GitServices } from '../../io/git/git-services';
export { redactSecrets } from '../../io/git/secrets';

export interface GitServicesOptions {
  /** Where remote repositories are mirrored. @default - under the user's cache folder (`XDG_CACHE_HOME`, `~/.cache`) */
  readonly cache?: string;
  /** Web origin of the GitHub that receives `GITHUB_TOKEN` over https. @default - as `hosts` says, else 'https://github.com' */
  readonly githubOrigin?: string;
  /** The self-hosted instance the run was pointed at (`--host`, `--api-url`); its token goes there only. @default {} */
  readonly hosts?: HostOverride;
}

/** One host's token as git sends it: the header, and the URL prefixes that receive it. */
interface GitHostCredential {
  readonly urls: readonly string[];
  readonly header: string;
}

/**
 * The git runner and cache of a run: git's environment is `env` (the process's when undefined), with each host's
 * token (`GITHUB_TOKEN`, `GITLAB_TOKEN`, `AZURE_DEVOPS_EXT_PAT` or `SYSTEM_ACCESSTOKEN`, `GITEA_TOKEN`,
 * `BITBUCKET_TOKEN`) sent over https only to that host, in the form it expects, and scrubbed from every message.
 */
export function gitServices(
  env: Readonly<Record<string, string | undefined>> | undefined,
  options: GitServicesOptions = {},
): GitServices {
  const variables = env ?? {};
  const credentials = gitHostCredentials(variables, options);
  const headers = credentials.flatMap((credential) =>
    credential.urls.map((url): [string, string] => [`http.${url}.extraHeader`, credential.header]),
  );
  const git = new GitRunner({
    env: gitEnvironment(withGitConfig(env ?? process.env, headers)),
    secrets: hostSecrets(variables),
  });
  const cache = new GitCache(options.cache ?? defaultCacheFolder(variables), git);
  return { git, cache, token: variables.GITHUB_TOKEN || undefined };
}

/** Every host token set in `env` and the forms git would send them in: what no output may contain. */
export function hostSecrets(env: Readonly<Record<string, string | undefined>>): string[] {
  return Object.values(HostKind).flatMap((kind) =>
    TOKEN_VARIABLES[kind].flatMap((variable) => {
      const token = env[variable];
      return token ? gitCredential(kind, token, variable).secrets : [];
    }),
  );
}

function gitHostCredentials(
  env: Readonly<Record<string, string | undefined>>,
  options: GitServicesOptions,
): GitHostCredential[] {
  return Object.values(HostKind).flatMap((kind) => {
    const found = hostToken(kind, env);
    if (!found) return [];
    const urls =
      kind === HostKind.GITHUB && options.githubOrigin !== undefined
        ? [tokenUrlFor(options.githubOrigin)]
        : gitTokenUrls(kind, options.hosts);
    return urls.length > 0 ? [{ urls, header: gitCredential(kind, found.token, found.variable).header }] : [];
  });
}

/**
 * `env` with git configuration entries appended to its `GIT_CONFIG_*` variables (after any the caller set): command
 * scoped, never written to a file or passed as an argument.
 */
function withGitConfig(env: Environment, entries: readonly (readonly [string, string])[]): Environment {
  if (entries.length === 0) return env;
  const result: Record<string, string | undefined> = { ...env };
  const existing = Number.parseInt(env.GIT_CONFIG_COUNT ?? '0', 10);
  let count = Number.isInteger(existing) && existing > 0 ? existing : 0;
  for (const [key, value] of entries) {
    result[`GIT_CONFIG_KEY_${count}`] = key;
    result[`GIT_CONFIG_VALUE_${count}`] = value;
    count += 1;
  }
  result.GIT_CONFIG_COUNT = String(count);
  return result;
}
