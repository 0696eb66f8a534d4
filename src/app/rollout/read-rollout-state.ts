import { ROLLOUT_STATE_FILE, RolloutState, parseRolloutState } from '../../core/rollout/rollout-state';
import { RepositoryKind, classifyRepository } from '../../io/git/git-refs';
import { GitServices } from '../setup/git-services';
import { HostAccess } from '../setup/host-access';

/** What the environment's GitOps branch says of its rollout. */
export type StoredRollout =
  | { readonly kind: 'none'; readonly commit?: string }
  | { readonly kind: 'found'; readonly state: RolloutState; readonly commit: string }
  | { readonly kind: 'unreadable'; readonly reason: string };

/**
 * Reads the rollout tracking file from the branch of the platform GitOps repository (a URL or a local repository), from
 * git objects: nothing is checked out. A branch without the file has no rollout; a file that is not a tracking file is
 * reported, never trusted.
 */
export async function readStoredRollout(repo: string, branch: string, git: GitServices): Promise<StoredRollout> {
  let fetched;
  try {
    fetched = await git.cache.fetchBranch(repo, branch, 1);
  } catch (e) {
    return { kind: 'unreadable', reason: git.git.redact((e as Error).message) };
  }
  if (!fetched.commit) return { kind: 'none' };
  const entry = (await fetched.repository.listTree(fetched.commit)).find((item) => item.path === ROLLOUT_STATE_FILE);
  if (!entry) return { kind: 'none', commit: fetched.commit };
  const blob = (await fetched.repository.readBlobs([entry.sha])).get(entry.sha);
  const parsed = parseRolloutState(blob?.toString('utf8') ?? '');
  return 'problem' in parsed
    ? { kind: 'unreadable', reason: `${repo}#${branch}: ${parsed.problem}` }
    : { kind: 'found', state: parsed.state, commit: fetched.commit };
}

/**
 * The rollout the branch records, read through the repository's Git host when it is on one (its API, as publishing
 * reads), else with git (a local repository, or a host not recognised).
 */
export async function readStoredRolloutFrom(
  repo: string,
  branch: string,
  git: GitServices,
  hosts: HostAccess,
): Promise<StoredRollout> {
  const kind = classifyRepository(repo).kind;
  const located = kind === RepositoryKind.LOCAL_PATH || /^file:/i.test(repo) ? undefined : hosts.locate(repo);
  if (!located || 'problem' in located) return readStoredRollout(repo, branch, git);
  try {
    const host = await hosts.open(located.repository);
    const snapshot = await host.readBranch(branch);
    if (!snapshot) return { kind: 'none' };
    if (!snapshot.blobs.has(ROLLOUT_STATE_FILE)) return { kind: 'none', commit: snapshot.commit };
    const text = (await host.readFiles(snapshot, [ROLLOUT_STATE_FILE])).get(ROLLOUT_STATE_FILE) ?? '';
    const parsed = parseRolloutState(text);
    return 'problem' in parsed
      ? { kind: 'unreadable', reason: `${repo}#${branch}: ${parsed.problem}` }
      : { kind: 'found', state: parsed.state, commit: snapshot.commit };
  } catch {
    // The host's API may be out of reach (no token for a public repository): git may still read the branch.
    return readStoredRollout(repo, branch, git);
  }
}
