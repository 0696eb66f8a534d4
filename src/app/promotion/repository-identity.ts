/**
 * One spelling for the many ways to write a repository's address (pure), so that a Flux GitRepository
 * `ssh://git@github.com/org/gitops.git` is recognised as the GitOpsRepo `https://github.com/org/gitops`: scheme, user,
 * `.git` and trailing slashes dropped, scp-like `git@host:path` read as `host/path`, lower case.
 */
export function repositoryIdentity(location: string): string {
  let text = location.trim();
  const scp = /^(?:[^/@:\s]+@)?([^/:\s]+):(?!\/\/)(.*)$/.exec(text);
  if (scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(text) && !/^[a-z]:[\\/]/i.test(text)) {
    text = `${scp[1]}/${scp[2]}`;
  } else {
    text = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^[^/@]*@/, '');
  }
  return text
    .replace(/\/+$/, '')
    .replace(/\.git$/i, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

/** Whether two addresses name the same repository. */
export function isSameRepository(a: string, b: string): boolean {
  return repositoryIdentity(a) === repositoryIdentity(b);
}
