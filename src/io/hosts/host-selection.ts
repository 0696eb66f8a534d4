import { HostKind } from './pull-request-host';
import {
  HostOverride,
  HostRepository,
  RecognisedRepository,
  kindOfHost,
  recogniseRepository,
  remoteHost,
  unknownHostProblem,
} from './repository-location';

/** The public API of each host that has one at a fixed place, by the host name of its API URL. */
const PUBLIC_API_HOSTS: Readonly<Record<string, HostKind>> = {
  'api.github.com': HostKind.GITHUB,
  'gitlab.com': HostKind.GITLAB,
  'dev.azure.com': HostKind.AZURE_DEVOPS,
  'api.bitbucket.org': HostKind.BITBUCKET,
};

/** The host an API URL belongs to when its name says it (`https://api.github.com`, `https://gitlab.com`…). */
export function kindOfApiUrl(apiUrl: string): HostKind | undefined {
  const host = hostOf(apiUrl);
  if (!host) return undefined;
  return PUBLIC_API_HOSTS[host] ?? (host.endsWith('.visualstudio.com') ? HostKind.AZURE_DEVOPS : undefined);
}

/** The host whose repositories an API URL serves: `api.github.com` → `github.com`, others their own. */
export function webHostOfApi(apiUrl: string): string | undefined {
  const host = hostOf(apiUrl);
  if (host === 'api.github.com') return 'github.com';
  if (host === 'api.bitbucket.org') return 'bitbucket.org';
  return host;
}

/**
 * The host of a repository given the instance a run was pointed at (`selection`, e.g. `--host gitlab --api-url
 * https://gitlab.example.com`): a repository on the API URL's host belongs to that instance; with a kind and no API
 * URL, so does one on any host not recognised by name. github.com, gitlab.com, dev.azure.com, *.visualstudio.com and
 * bitbucket.org are recognised by name otherwise — except that, once an instance of a kind is named by its API URL, a
 * repository of that kind on another host is refused, so that the instance's token is never sent elsewhere.
 */
export function locateRepository(url: string, selection: HostOverride = {}): RecognisedRepository {
  const host = remoteHost(url);
  if (!host) return recogniseRepository(url);
  const named = kindOfHost(host);
  const { kind, apiUrl } = selection;
  if (apiUrl !== undefined) {
    const instanceKind = kind ?? kindOfApiUrl(apiUrl);
    if (webHostOfApi(apiUrl) === host) return recogniseRepository(url, { kind: instanceKind, apiUrl });
    if (named !== undefined && named === instanceKind) {
      return { problem: `${url} is not on ${webHostOfApi(apiUrl)}, the ${instanceKind} instance given by its API URL` };
    }
    return named !== undefined ? recogniseRepository(url) : unknownHostProblem(host);
  }
  if (kind !== undefined && named === undefined) return recogniseRepository(url, { kind });
  return named !== undefined ? recogniseRepository(url) : unknownHostProblem(host);
}

/** How a repository is named in messages: `org/gitops`, `group/sub/project`, `project/repo`. */
export function repositoryName(repository: HostRepository): string {
  switch (repository.kind) {
    case HostKind.GITHUB:
    case HostKind.GITEA:
      return `${repository.owner}/${repository.repo}`;
    case HostKind.GITLAB:
      return repository.project;
    case HostKind.AZURE_DEVOPS:
      return `${repository.project}/${repository.repo}`;
    case HostKind.BITBUCKET:
      return `${repository.workspace}/${repository.repo}`;
  }
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}
