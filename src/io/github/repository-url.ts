/** A repository on GitHub. */
export interface GitHubRepository {
  readonly owner: string;
  readonly repo: string;
}

/**
 * The owner and name of a repository given by its web URL (`https://github.com/org/gitops(.git)`) or its SSH address
 * (`git@github.com:org/gitops.git`, `ssh://git@github.com/org/gitops`), when it is on `webOrigin`
 * (`https://github.com`, or a GitHub Enterprise host); undefined for any other URL.
 */
export function parseGitHubRepository(url: string, webOrigin = 'https://github.com'): GitHubRepository | undefined {
  let parsed: URL;
  let origin: URL;
  try {
    origin = new URL(webOrigin);
    const ssh = /^git@([^/:]+):(.+)$/.exec(url) ?? /^ssh:\/\/git@([^/:]+)\/(.+)$/.exec(url);
    if (ssh) {
      if (ssh[1].toLowerCase() !== origin.hostname.toLowerCase()) return undefined;
      return ownerAndName(ssh[2].split('/').filter(Boolean));
    }
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== origin.protocol || parsed.host.toLowerCase() !== origin.host.toLowerCase()) return undefined;
  if (parsed.search || parsed.hash || parsed.username || parsed.password) return undefined;
  const base = origin.pathname.replace(/\/+$/, '');
  if (!parsed.pathname.startsWith(`${base}/`)) return undefined;
  return ownerAndName(parsed.pathname.slice(base.length).split('/').filter(Boolean));
}

function ownerAndName(segments: readonly string[]): GitHubRepository | undefined {
  if (segments.length !== 2) return undefined;
  const [owner, name] = [segments[0], segments[1].replace(/\.git$/, '')];
  const valid =
    /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(owner) &&
    /^[A-Za-z0-9._-]+$/.test(name) &&
    name !== '.' &&
    name !== '..';
  return valid ? { owner, repo: name } : undefined;
}

/** The web origin of a GitHub API root: `https://api.github.com` → `https://github.com`, `https://ghe/api/v3` → `https://ghe`. */
export function webOriginOf(apiUrl: string): string {
  const url = new URL(apiUrl);
  if (url.host.toLowerCase() === 'api.github.com') return 'https://github.com';
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/v3$/, '');
  return `${url.protocol}//${url.host}${path}`;
}
