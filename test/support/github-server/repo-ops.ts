/**
 * Repository operations shared by the routes and the server's test helpers: committing, opening, closing and
 * merging pull requests, deleting branches. They throw `HttpError` with GitHub's answer when GitHub refuses.
 */
import { GitCommit, GitSignature } from './git-store';
import { HttpError, validationFailed } from './http';
import { isMergeable, pullBaseSha } from './render';
import { IssueState, LabelState, PullState, RepoState, UserState } from './state';
import { World } from './world';

export function signatureOf(world: World, user: UserState): GitSignature {
  return { name: user.name, email: user.email, date: world.now() };
}

/** Moves a branch (creating it when absent) and keeps the repository's push time. */
export function setBranch(world: World, repo: RepoState, branch: string, sha: string): void {
  repo.refs.set(`refs/heads/${branch}`, sha);
  repo.pushedAt = world.now();
}

/** Deletes a ref; a deleted branch closes the open pull requests that use it, as on GitHub. */
export function deleteRef(world: World, repo: RepoState, fullRef: string): void {
  const branch = fullRef.startsWith('refs/heads/') ? fullRef.slice('refs/heads/'.length) : undefined;
  if (branch !== undefined) {
    for (const pull of repo.pulls()) {
      if (pull.state === 'open' && (pull.head === branch || pull.base === branch)) {
        closePull(world, repo, pull);
      }
    }
  }
  repo.refs.delete(fullRef);
  repo.pushedAt = world.now();
}

/** Writes a commit of `tree` on top of `branch` (a root commit when the branch does not exist) and moves it. */
export function commitOnBranch(
  world: World,
  repo: RepoState,
  branch: string,
  tree: string,
  message: string,
  author: GitSignature,
  committer: GitSignature = author,
): GitCommit {
  const parent = repo.branchSha(branch);
  const commit = repo.git.writeCommit({ tree, parents: parent ? [parent] : [], author, committer, message });
  setBranch(world, repo, branch, commit.sha);
  return commit;
}

export interface OpenPullOptions {
  readonly user: UserState;
  /** `branch` or `owner:branch` (the owner must own the repository: forks are not modelled). */
  readonly head: string;
  readonly base: string;
  readonly title: string;
  readonly body?: string | null;
  readonly draft?: boolean;
  readonly maintainerCanModify?: boolean;
}

/** The branch named by a pull request `head` (`branch` or `owner:branch`), or a 422 naming the field. */
export function headBranch(repo: RepoState, head: string): string {
  const colon = head.indexOf(':');
  if (colon < 0) {
    return head;
  }
  if (head.slice(0, colon).toLowerCase() !== repo.owner.login.toLowerCase()) {
    throw validationFailed({ resource: 'PullRequest', field: 'head', code: 'invalid' });
  }
  return head.slice(colon + 1);
}

/** Throws GitHub's 422 when another open pull request already joins these branches. */
function refuseDuplicate(repo: RepoState, head: string, base: string, except?: PullState): void {
  const duplicate = repo.pulls().find((p) => p !== except && p.state === 'open' && p.head === head && p.base === base);
  if (duplicate) {
    throw validationFailed({
      resource: 'PullRequest',
      code: 'custom',
      message: `A pull request already exists for ${repo.owner.login}:${head}.`,
    });
  }
}

export function openPull(world: World, repo: RepoState, options: OpenPullOptions): PullState {
  const head = headBranch(repo, options.head);
  const base = options.base;
  const baseSha = repo.branchSha(base);
  const headSha = repo.branchSha(head);
  if (!baseSha) {
    throw validationFailed({ resource: 'PullRequest', field: 'base', code: 'invalid' });
  }
  if (!headSha) {
    throw validationFailed({ resource: 'PullRequest', field: 'head', code: 'invalid' });
  }
  refuseDuplicate(repo, head, base);
  if (repo.git.isAncestor(headSha, baseSha)) {
    throw validationFailed({
      resource: 'PullRequest',
      code: 'custom',
      message: `No commits between ${base} and ${head}`,
    });
  }
  const number = nextIssueNumber(repo);
  const now = world.now();
  const pull: PullState = {
    number,
    id: world.nextId(),
    state: 'open',
    title: options.title,
    body: options.body ?? null,
    head,
    base,
    user: options.user,
    maintainerCanModify: options.maintainerCanModify ?? true,
    draft: options.draft ?? false,
    merged: false,
    mergedAt: null,
    mergedBy: null,
    mergeCommitSha: null,
    headShaAtClose: null,
    baseShaAtClose: null,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
  };
  repo.issues.set(number, { number, id: world.nextId(), labels: [], pull });
  return pull;
}

export function nextIssueNumber(repo: RepoState): number {
  return Math.max(0, ...repo.issues.keys()) + 1;
}

export function closePull(world: World, repo: RepoState, pull: PullState): void {
  pull.headShaAtClose = repo.pullHeadSha(pull);
  pull.baseShaAtClose = pullBaseSha(repo, pull);
  pull.state = 'closed';
  pull.closedAt = world.now();
  pull.updatedAt = pull.closedAt;
}

/** Reopens a closed, unmerged pull request; GitHub refuses when the head branch is gone or a twin is open. */
export function reopenPull(world: World, repo: RepoState, pull: PullState): void {
  if (pull.merged) {
    throw validationFailed({
      resource: 'PullRequest',
      field: 'state',
      code: 'invalid',
      message: 'state cannot be changed. The pull request cannot be reopened because it has been merged.',
    });
  }
  if (!repo.branchSha(pull.head)) {
    throw validationFailed({
      resource: 'PullRequest',
      field: 'state',
      code: 'invalid',
      message: 'state cannot be changed. The head branch has been deleted.',
    });
  }
  refuseDuplicate(repo, pull.head, pull.base, pull);
  pull.state = 'open';
  pull.closedAt = null;
  pull.headShaAtClose = null;
  pull.baseShaAtClose = null;
  pull.updatedAt = world.now();
}

export type MergeMethod = 'merge' | 'squash' | 'rebase';

export interface MergePullOptions {
  readonly by: UserState;
  readonly method?: MergeMethod;
  readonly commitTitle?: string;
  readonly commitMessage?: string;
  /** Expected head sha; a mismatch is GitHub's 409. */
  readonly sha?: string;
}

/**
 * Merges a pull request into its base branch: `merge` writes a merge commit (GitHub never fast-forwards),
 * `squash` one commit with the merged tree, `rebase` replays the head's commits onto the base.
 * Returns the new tip of the base branch.
 */
export function mergePull(world: World, repo: RepoState, pull: PullState, options: MergePullOptions): string {
  if (pull.state !== 'open') {
    throw new HttpError(405, 'Pull Request is not mergeable');
  }
  const head = repo.pullHeadSha(pull);
  const base = pullBaseSha(repo, pull);
  if (options.sha !== undefined && options.sha !== head) {
    throw new HttpError(409, 'Head branch was modified. Review and try the merge again.');
  }
  const tree = repo.git.mergeCommits(base, head);
  if (tree === undefined || !isMergeable(repo, pull)) {
    throw new HttpError(405, 'Pull Request is not mergeable');
  }
  const method = options.method ?? 'merge';
  const signature = signatureOf(world, options.by);
  let tip: string;
  if (method === 'merge') {
    const title = options.commitTitle ?? `Merge pull request #${pull.number} from ${repo.owner.login}/${pull.head}`;
    const message = `${title}\n\n${options.commitMessage ?? pull.title}`;
    tip = repo.git.writeCommit({ tree, parents: [base, head], author: signature, committer: signature, message }).sha;
  } else if (method === 'squash') {
    const commits = repo.git.commitsBetween(base, head);
    const title = options.commitTitle ?? `${pull.title} (#${pull.number})`;
    const message = `${title}\n\n${options.commitMessage ?? commits.map((c) => `* ${c.message}`).join('\n\n')}`;
    tip = repo.git.writeCommit({ tree, parents: [base], author: signature, committer: signature, message }).sha;
  } else {
    tip = base;
    for (const commit of repo.git.commitsBetween(base, head)) {
      const parentTree = commit.parents.length > 0 ? repo.git.commit(commit.parents[0])?.tree : undefined;
      const replayed = replayTree(repo, tip, parentTree, commit.tree);
      tip = repo.git.writeCommit({
        tree: replayed,
        parents: [tip],
        author: commit.author,
        committer: signature,
        message: commit.message,
      }).sha;
    }
  }
  setBranch(world, repo, pull.base, tip);
  pull.merged = true;
  pull.mergedAt = world.now();
  pull.mergedBy = options.by;
  pull.mergeCommitSha = tip;
  pull.headShaAtClose = head;
  pull.baseShaAtClose = base;
  pull.state = 'closed';
  pull.closedAt = pull.mergedAt;
  pull.updatedAt = pull.mergedAt;
  return tip;
}

/** Applies the change from `fromTree` to `toTree` on top of commit `onto`'s tree (used by rebase merges). */
function replayTree(repo: RepoState, onto: string, fromTree: string | undefined, toTree: string): string {
  const ontoTree = repo.git.commit(onto)?.tree;
  const files = ontoTree ? repo.git.flatten(ontoTree) : new Map();
  const before = fromTree ? repo.git.flatten(fromTree) : new Map();
  const after = repo.git.flatten(toTree);
  for (const p of before.keys()) {
    if (!after.has(p)) {
      files.delete(p);
    }
  }
  for (const [p, entry] of after) {
    const was = before.get(p);
    if (!was || was.sha !== entry.sha || was.mode !== entry.mode) {
      files.set(p, entry);
    }
  }
  return repo.git.writeFlat(files);
}

/** The repository label with this name (case-insensitive), created with GitHub's default colour when absent. */
export function ensureLabel(
  world: World,
  repo: RepoState,
  name: string,
  color = 'ededed',
  description: string | null = null,
): LabelState {
  const key = name.toLowerCase();
  let label = repo.labels.get(key);
  if (!label) {
    label = { id: world.nextId(), name, color, description };
    repo.labels.set(key, label);
  }
  return label;
}

/** Adds labels to an issue or pull request (creating missing repository labels); returns its label names. */
export function addLabels(world: World, repo: RepoState, issue: IssueState, names: readonly string[]): string[] {
  for (const name of names) {
    const label = ensureLabel(world, repo, name);
    if (!issue.labels.some((l) => l.toLowerCase() === label.name.toLowerCase())) {
      issue.labels.push(label.name);
    }
  }
  if (issue.pull) {
    issue.pull.updatedAt = world.now();
  }
  return issue.labels;
}
