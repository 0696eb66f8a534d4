import { HostKind } from './pull-request-host';

/** Where a repository lives and how its host's API is reached. */
export type HostRepository =
  | { readonly kind: HostKind.GITHUB; readonly apiUrl: string; readonly owner: string; readonly repo: string }
  | {
      readonly kind: HostKind.GITLAB;
      /** The instance root the client adds `/api/v4` to: `https://gitlab.com`. */
      readonly apiUrl: string;
      /** `group/subgroup/project`. */
      readonly project: string;
    }
  | {
      readonly kind: HostKind.AZURE_DEVOPS;
      /** The organization (Services) or collection (Server) URL: `https://dev.azure.com/org`. */
      readonly apiUrl: string;
      readonly project: string;
      readonly repo: string;
    }
  | { readonly kind: HostKind.GITEA; readonly apiUrl: string; readonly owner: string; readonly repo: string }
  | { readonly kind: HostKind.BITBUCKET; readonly apiUrl: string; readonly workspace: string; readonly repo: string };

export interface HostOverride {
  /** The host's kind, for a host not recognised from its name (self-hosted). */
  readonly kind?: HostKind;
  /** The API root (GitHub Enterprise `https://ghe/api/v3`, GitLab `https://gitlab.example.com`, Gitea `https://gitea.example.com/api/v1`, Azure DevOps Server `https://tfs/DefaultCollection`). */
  readonly apiUrl?: string;
}

export type RecognisedRepository =
  | { readonly repository: HostRepository }
  | {
      readonly problem: string;
      /** Set when the problem is only that the repository's host is not recognised by name. */
      readonly unknownHost?: string;
    };

const KINDS = Object.values(HostKind).join(', ');

/** Why a repository on a host not recognised by name cannot be reached through an adapter. */
export function unknownHostProblem(host: string): RecognisedRepository {
  return {
    problem: `cannot tell which Git host serves ${host}; give its kind (${KINDS}) and, when self-hosted, its API URL`,
    unknownHost: host,
  };
}

/** The host kind of a name given on the command line, or undefined. */
export function parseHostKind(text: string): HostKind | undefined {
  return Object.values(HostKind).find((kind) => kind === text.toLowerCase());
}

/**
 * The host, API root and coordinates of a repository from its URL (https, `ssh://` or scp-like `git@host:path`):
 * github.com, gitlab.com, dev.azure.com and *.visualstudio.com, bitbucket.org are recognised by name; any other host
 * needs `override.kind`, and `override.apiUrl` when its API is not at the usual place.
 */
export function recogniseRepository(url: string, override: HostOverride = {}): RecognisedRepository {
  const parsed = parseRemote(url);
  if (!parsed) return { problem: `"${url}" is not a repository URL (https://host/path or git@host:path)` };
  const { host, segments, protocol } = parsed;
  const origin = `${protocol}//${host}`;
  const kind = override.kind ?? kindOfHost(host);
  if (!kind) return unknownHostProblem(host);
  const apiUrl = override.apiUrl?.replace(/\/+$/, '');
  const bad = (expected: string) => ({ problem: `"${url}" is not a ${kind} repository URL (expected ${expected})` });
  const below = (root: string | undefined) => stripBase(segments, root);
  switch (kind) {
    case HostKind.GITHUB: {
      const path = below(apiUrl && webRootOf(apiUrl, '/api/v3'));
      if (!path || path.length !== 2) return bad('https://github.com/<owner>/<repo>');
      const api = apiUrl ?? (host.toLowerCase() === 'github.com' ? 'https://api.github.com' : `${origin}/api/v3`);
      return { repository: { kind, apiUrl: api, owner: path[0], repo: path[1] } };
    }
    case HostKind.GITLAB: {
      const path = below(apiUrl && webRootOf(apiUrl, '/api/v4'));
      const cut = path ? path.indexOf('-') : -1;
      const project = cut >= 0 ? path!.slice(0, cut) : path;
      if (!project || project.length < 2) return bad('https://gitlab.com/<group>/<project>');
      return { repository: { kind, apiUrl: apiUrl ?? origin, project: project.join('/') } };
    }
    case HostKind.AZURE_DEVOPS: {
      const found = azureDevOpsRepository(host, origin, segments, apiUrl);
      return found ? { repository: { kind, ...found } } : bad(AZURE_DEVOPS_FORMS);
    }
    case HostKind.GITEA: {
      const path = below(apiUrl && webRootOf(apiUrl, '/api/v1'));
      if (!path || path.length !== 2) return bad('https://<gitea host>/<owner>/<repo>');
      return { repository: { kind, apiUrl: apiUrl ?? `${origin}/api/v1`, owner: path[0], repo: path[1] } };
    }
    case HostKind.BITBUCKET: {
      if (segments.length !== 2) return bad('https://bitbucket.org/<workspace>/<repo>');
      return {
        repository: {
          kind,
          apiUrl: apiUrl ?? 'https://api.bitbucket.org/2.0',
          workspace: segments[0],
          repo: segments[1],
        },
      };
    }
  }
}

const AZURE_DEVOPS_FORMS =
  'https://dev.azure.com/<org>/<project>/_git/<repo>, https://<org>.visualstudio.com/<project>/_git/<repo>, ' +
  'git@ssh.dev.azure.com:v3/<org>/<project>/<repo>, or https://<server>/<collection>/<project>/_git/<repo>';

/**
 * Azure DevOps: Services at `dev.azure.com/<org>` (ssh `ssh.dev.azure.com:v3/<org>/<project>/<repo>`) or
 * `<org>.visualstudio.com` (ssh `vs-ssh.visualstudio.com:v3/…`), Server at `<host>/<collection path>`. A repository
 * named as its project may leave the project out (`…/<org>/_git/<repo>`); on Server that needs the collection URL as
 * `apiUrl`, since the collection path has no fixed depth.
 */
function azureDevOpsRepository(
  host: string,
  origin: string,
  segments: readonly string[],
  apiUrl: string | undefined,
): { apiUrl: string; project: string; repo: string } | undefined {
  const name = host.toLowerCase().replace(/:\d+$/, '');
  const visualStudio = /^(?:vs-ssh\.)?([a-z0-9-]+)\.visualstudio\.com$/.exec(name);
  const services = name === 'dev.azure.com' || name === 'ssh.dev.azure.com' ? 'dev.azure.com' : undefined;
  if (segments[0] === 'v3' && !segments.includes('_git')) {
    if (segments.length !== 4 || (!services && !visualStudio)) return undefined;
    const [, org, project, repo] = segments;
    const root = services ? `https://dev.azure.com/${org}` : `https://${org}.visualstudio.com`;
    return { apiUrl: apiUrl ?? root, project, repo };
  }
  const git = segments.indexOf('_git');
  if (git < 0 || git !== segments.length - 2) return undefined;
  const repo = segments[git + 1];
  if (apiUrl) {
    const rest = stripBase(segments, webRootOf(apiUrl, ''));
    if (!rest || rest.length < 2 || rest.length > 3) return undefined;
    return { apiUrl, project: rest.length === 3 ? rest[0] : repo, repo };
  }
  if (services) {
    if (git < 1 || git > 2) return undefined;
    return { apiUrl: `https://dev.azure.com/${segments[0]}`, project: git === 2 ? segments[1] : repo, repo };
  }
  if (visualStudio) {
    const legacy = segments[0]?.toLowerCase() === 'defaultcollection' ? 1 : 0;
    if (git - legacy > 1) return undefined;
    const project = git - legacy === 1 ? segments[legacy] : repo;
    return { apiUrl: `https://${visualStudio[1]}.visualstudio.com`, project, repo };
  }
  if (git < 2) return undefined;
  return { apiUrl: `${origin}/${segments.slice(0, git - 1).join('/')}`, project: segments[git - 1], repo };
}

/** The host a name stands for: github.com, gitlab.com, dev.azure.com and *.visualstudio.com, bitbucket.org. */
export function kindOfHost(host: string): HostKind | undefined {
  const name = host.toLowerCase().replace(/:\d+$/, '');
  if (name === 'github.com') return HostKind.GITHUB;
  if (name === 'gitlab.com') return HostKind.GITLAB;
  if (name === 'dev.azure.com' || name === 'ssh.dev.azure.com' || name.endsWith('.visualstudio.com')) {
    return HostKind.AZURE_DEVOPS;
  }
  if (name === 'bitbucket.org') return HostKind.BITBUCKET;
  return undefined;
}

interface Remote {
  readonly protocol: string;
  readonly host: string;
  /** Path segments, decoded, without a trailing `.git`. */
  readonly segments: string[];
}

/** The host (and port) of a repository URL, lower case; undefined when it is not one. */
export function remoteHost(url: string): string | undefined {
  return parseRemote(url)?.host.toLowerCase();
}

function parseRemote(url: string): Remote | undefined {
  const scp = /^(?:[^@/\s]+@)?([^/:\s]+):(?!\/\/)(.+)$/.exec(url);
  if (scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return remote('https:', scp[1], scp[2]);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.search || parsed.hash || parsed.password) return undefined;
  if (parsed.protocol === 'ssh:') return remote('https:', parsed.hostname, parsed.pathname);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return remote(parsed.protocol, parsed.host, parsed.pathname);
}

function remote(protocol: string, host: string, path: string): Remote | undefined {
  const segments = path
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
  if (segments.length === 0) return undefined;
  segments[segments.length - 1] = segments[segments.length - 1].replace(/\.git$/, '');
  if (segments.some((segment) => segment === '.' || segment === '..' || segment === '')) return undefined;
  return { protocol, host, segments };
}

/** The path segments of the web root an API URL lives under (`https://h/git/api/v1` → `['git']`). */
function webRootOf(apiUrl: string, apiSuffix: string): string {
  try {
    return new URL(apiUrl).pathname.replace(/\/+$/, '').replace(new RegExp(`${apiSuffix.replace(/\//g, '\\/')}$`), '');
  } catch {
    return '';
  }
}

function stripBase(segments: readonly string[], root: string | undefined): string[] | undefined {
  const base = (root ?? '').split('/').filter(Boolean);
  if (base.some((part, i) => segments[i] !== part)) return undefined;
  return segments.slice(base.length);
}
