import * as path from 'path';
/*
 * Which strings may reach git as branch names, commit ids and repository locations. Everything here is pure; a
 * refused value comes back as a sentence saying why, for the caller to report as an input or usage error.
 */

/**
 * Why `name` is not a branch name git accepts (`git check-ref-format --branch` rules), or undefined when it is one.
 * Names starting with `-` are refused too, so that no branch can be read as an option.
 */
export function branchNameProblem(name: string): string | undefined {
  if (name === '') return 'is empty';
  if (name.startsWith('-')) return 'starts with "-"';
  if (name === '@' || name === 'HEAD') return `is the reserved name "${name}"`;
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(name)) return 'contains a space, control character or one of ~ ^ : ? * [ \\';
  if (name.includes('..')) return 'contains ".."';
  if (name.includes('@{')) return 'contains "@{"';
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//')) return 'has an empty path component';
  if (name.endsWith('.')) return 'ends with "."';
  for (const component of name.split('/')) {
    if (component.startsWith('.')) return 'has a path component starting with "."';
    if (component.endsWith('.lock')) return 'has a path component ending with ".lock"';
  }
  return undefined;
}

export function isValidBranchName(name: string): boolean {
  return branchNameProblem(name) === undefined;
}

/** A full or abbreviated commit id (hexadecimal, 7 to 64 digits): never a revision expression or an option. */
export function isCommitId(value: string): boolean {
  return /^[0-9a-f]{7,64}$/i.test(value);
}

/** How git reaches a repository. */
export enum RepositoryKind {
  /** `https://…`, `http://…`, `ssh://…`, `file://…`, or scp-like `user@host:path`. */
  URL = 'url',
  /** A path on this machine. */
  LOCAL_PATH = 'local-path',
}

/** The protocols git may use (`GIT_ALLOW_PROTOCOL`); never `ext::` or other remote helpers. */
export const ALLOWED_PROTOCOLS = ['file', 'https', 'ssh', 'http'] as const;

const URL_SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const SCP_LIKE = /^([^/\\:@\s]+@)?([^/\\:\s]+):/;
const TRANSPORT_HELPER = /^[a-z][a-z0-9+.-]*::/i;

export type RepositoryLocation =
  | { readonly kind: RepositoryKind; readonly problem?: undefined }
  | { readonly kind?: undefined; readonly problem: string };

/**
 * Classifies a repository location given to git (a control plane, a workload `repo`, a GitOpsRepo), refusing what
 * git could read as an option or a transport: a leading `-`, `ext::`-style helpers, schemes other than https, http,
 * ssh and file, hosts starting with `-`, control characters, and passwords written into the URL (tokens come from
 * the environment only).
 */
export function classifyRepository(location: string): RepositoryLocation {
  if (location.trim() === '') return { problem: 'is empty' };
  if (location.startsWith('-')) return { problem: 'starts with "-"' };
  if (/[\x00-\x1f\x7f]/.test(location)) return { problem: 'contains a control character' };
  if (TRANSPORT_HELPER.test(location))
    return { problem: `uses the transport "${location.split('::')[0]}::", which is not allowed` };
  const scheme = URL_SCHEME.exec(location);
  if (scheme) {
    const protocol = scheme[1].toLowerCase();
    if (!(ALLOWED_PROTOCOLS as readonly string[]).includes(protocol)) {
      return { problem: `uses the protocol "${protocol}"; only ${ALLOWED_PROTOCOLS.join(', ')} are allowed` };
    }
    if (protocol === 'file') return { kind: RepositoryKind.URL };
    let url: URL;
    try {
      url = new URL(location);
    } catch {
      return { problem: 'is not a valid URL' };
    }
    if (url.hostname === '' || url.hostname.startsWith('-')) return { problem: 'has no valid host' };
    if (url.password !== '')
      return { problem: 'has a password in it; put the token in GITHUB_TOKEN or a git credential helper instead' };
    return { kind: RepositoryKind.URL };
  }
  const scp = SCP_LIKE.exec(location);
  if (scp && !/^[a-z]:[\\/]/i.test(location)) {
    if (scp[2].startsWith('-')) return { problem: 'has no valid host' };
    return { kind: RepositoryKind.URL };
  }
  if (location.includes('::')) return { problem: 'uses a transport helper ("::"), which is not allowed' };
  return { kind: RepositoryKind.LOCAL_PATH };
}

/**
 * What keeps a GitOpsRepo from being read or written, as the control plane gives it (`repo` a URL or an absolute path,
 * `branch` a valid branch name), or undefined.
 */
export function gitOpsRepoProblem(repo: string, branch: string): string | undefined {
  const location = classifyRepository(repo);
  const repoProblem =
    location.problem ??
    (location.kind === RepositoryKind.LOCAL_PATH && !path.isAbsolute(repo)
      ? 'is neither a URL nor an absolute path'
      : undefined);
  if (repoProblem) return `GitOpsRepo repo ${JSON.stringify(repo)} ${repoProblem}`;
  const branchProblem = branchNameProblem(branch);
  return branchProblem && `GitOpsRepo branch ${JSON.stringify(branch)} ${branchProblem}`;
}
