/**
 * JSON shapes of GitHub's REST answers, built from the fake's state. Every shape satisfies the response schema
 * of the operations that return it (the server checks each answer against the contract fixture).
 */
import { FlatEntry, GitCommit, GitSignature, GitStore } from './git-store';
import { LabelState, PullState, RepoState, ReviewState, StatusState, UserState } from './state';
import { World } from './world';

export function nodeId(kind: string, id: number | string): string {
  return Buffer.from(`${kind}:${id}`, 'utf-8').toString('base64').replace(/=+$/, '');
}

/** Encodes each segment of a repository path for use in a URL. */
export function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

/** Base64 wrapped at 60 columns with a trailing newline, as GitHub returns blob and file content. */
export function wrappedBase64(data: Buffer): string {
  const b64 = data.toString('base64');
  return b64.length === 0 ? '' : `${b64.match(/.{1,60}/g)?.join('\n')}\n`;
}

export function repoApiUrl(world: World, repo: RepoState): string {
  return `${world.apiUrl}/repos/${repo.fullName}`;
}

export function repoHtmlUrl(world: World, repo: RepoState): string {
  return `${world.htmlUrl}/${repo.fullName}`;
}

export function renderUser(world: World, user: UserState): Record<string, unknown> {
  const url = `${world.apiUrl}/users/${user.login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type, user.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url,
    html_url: `${world.htmlUrl}/${user.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** Open issues and pull requests, as `open_issues_count` counts them. */
function openIssues(repo: RepoState): number {
  return [...repo.issues.values()].filter((i) => i.pull?.state === 'open').length;
}

/**
 * A repository: `minimal` (combined status), `repository` (pull request head/base) or `full` (`GET /repos`).
 */
export function renderRepository(
  world: World,
  repo: RepoState,
  variant: 'minimal' | 'repository' | 'full',
): Record<string, unknown> {
  const url = repoApiUrl(world, repo);
  const html = repoHtmlUrl(world, repo);
  const open = openIssues(repo);
  const base: Record<string, unknown> = {
    id: repo.id,
    node_id: nodeId('Repository', repo.id),
    name: repo.name,
    full_name: repo.fullName,
    owner: renderUser(world, repo.owner),
    private: repo.isPrivate,
    html_url: html,
    description: null,
    fork: false,
    url,
    archive_url: `${url}/{archive_format}{/ref}`,
    assignees_url: `${url}/assignees{/user}`,
    blobs_url: `${url}/git/blobs{/sha}`,
    branches_url: `${url}/branches{/branch}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    comments_url: `${url}/comments{/number}`,
    commits_url: `${url}/commits{/sha}`,
    compare_url: `${url}/compare/{base}...{head}`,
    contents_url: `${url}/contents/{+path}`,
    contributors_url: `${url}/contributors`,
    deployments_url: `${url}/deployments`,
    downloads_url: `${url}/downloads`,
    events_url: `${url}/events`,
    forks_url: `${url}/forks`,
    git_commits_url: `${url}/git/commits{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_url: `git://github.com/${repo.fullName}.git`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    issue_events_url: `${url}/issues/events{/number}`,
    issues_url: `${url}/issues{/number}`,
    keys_url: `${url}/keys{/key_id}`,
    labels_url: `${url}/labels{/name}`,
    languages_url: `${url}/languages`,
    merges_url: `${url}/merges`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    pulls_url: `${url}/pulls{/number}`,
    releases_url: `${url}/releases{/id}`,
    ssh_url: `git@github.com:${repo.fullName}.git`,
    stargazers_url: `${url}/stargazers`,
    statuses_url: `${url}/statuses/{sha}`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    tags_url: `${url}/tags`,
    teams_url: `${url}/teams`,
    trees_url: `${url}/git/trees{/sha}`,
    clone_url: `${html}.git`,
    mirror_url: null,
    hooks_url: `${url}/hooks`,
    svn_url: html,
    homepage: null,
    language: null,
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    size: 0,
    default_branch: repo.defaultBranch,
    open_issues_count: open,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: repo.isPrivate ? 'private' : 'public',
    pushed_at: repo.pushedAt,
    created_at: repo.createdAt,
    updated_at: repo.updatedAt,
    permissions: { admin: true, maintain: true, push: true, triage: true, pull: true },
    allow_forking: true,
    web_commit_signoff_required: false,
    license: null,
    forks: 0,
    open_issues: open,
    watchers: 0,
  };
  if (variant === 'minimal') {
    return base;
  }
  const repository: Record<string, unknown> = {
    ...base,
    allow_rebase_merge: true,
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_auto_merge: false,
    delete_branch_on_merge: false,
    allow_update_branch: false,
    use_squash_pr_title_as_default: false,
    squash_merge_commit_title: 'COMMIT_OR_PR_TITLE',
    squash_merge_commit_message: 'COMMIT_MESSAGES',
    merge_commit_title: 'MERGE_MESSAGE',
    merge_commit_message: 'PR_TITLE',
  };
  if (variant === 'repository') {
    return repository;
  }
  return {
    ...repository,
    network_count: 0,
    subscribers_count: 0,
    ...(repo.owner.type === 'Organization' ? { organization: renderUser(world, repo.owner) } : {}),
  };
}

export function renderLabel(world: World, repo: RepoState, label: LabelState): Record<string, unknown> {
  return {
    id: label.id,
    node_id: nodeId('Label', label.id),
    url: `${repoApiUrl(world, repo)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: false,
    description: label.description,
  };
}

function renderSignature(sig: GitSignature): Record<string, unknown> {
  return { name: sig.name, email: sig.email, date: normaliseDate(sig.date) };
}

/** GitHub answers commit dates in UTC without fractions. */
function normaliseDate(date: string): string {
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? date : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const UNSIGNED = { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null };

/** `GET/POST /git/commits`: the git-level commit. */
export function renderGitCommit(world: World, repo: RepoState, commit: GitCommit): Record<string, unknown> {
  const url = repoApiUrl(world, repo);
  const html = repoHtmlUrl(world, repo);
  return {
    sha: commit.sha,
    node_id: nodeId('Commit', commit.sha),
    url: `${url}/git/commits/${commit.sha}`,
    html_url: `${html}/commit/${commit.sha}`,
    author: renderSignature(commit.author),
    committer: renderSignature(commit.committer),
    tree: { sha: commit.tree, url: `${url}/git/trees/${commit.tree}` },
    message: commit.message,
    parents: commit.parents.map((p) => ({ sha: p, url: `${url}/git/commits/${p}`, html_url: `${html}/commit/${p}` })),
    verification: UNSIGNED,
  };
}

/** `GET /commits/{ref}` and friends: the commit with GitHub users and, optionally, stats and files. */
export function renderCommit(
  world: World,
  repo: RepoState,
  commit: GitCommit,
  withFiles: boolean,
): Record<string, unknown> {
  const url = repoApiUrl(world, repo);
  const html = repoHtmlUrl(world, repo);
  const author = world.userByEmail(commit.author.email);
  const committer = world.userByEmail(commit.committer.email);
  const out: Record<string, unknown> = {
    url: `${url}/commits/${commit.sha}`,
    sha: commit.sha,
    node_id: nodeId('Commit', commit.sha),
    html_url: `${html}/commit/${commit.sha}`,
    comments_url: `${url}/commits/${commit.sha}/comments`,
    commit: {
      url: `${url}/git/commits/${commit.sha}`,
      author: renderSignature(commit.author),
      committer: renderSignature(commit.committer),
      message: commit.message,
      tree: { sha: commit.tree, url: `${url}/git/trees/${commit.tree}` },
      comment_count: 0,
      verification: UNSIGNED,
    },
    author: author ? renderUser(world, author) : null,
    committer: committer ? renderUser(world, committer) : null,
    parents: commit.parents.map((p) => ({ sha: p, url: `${url}/commits/${p}`, html_url: `${html}/commit/${p}` })),
  };
  if (withFiles) {
    const parent = commit.parents.length > 0 ? repo.git.commit(commit.parents[0]) : undefined;
    const files = renderDiff(world, repo, parent?.tree, commit.tree, commit.sha);
    const additions = files.reduce((n, f) => n + (f.additions as number), 0);
    const deletions = files.reduce((n, f) => n + (f.deletions as number), 0);
    out.stats = { total: additions + deletions, additions, deletions };
    out.files = files;
  }
  return out;
}

/** Diff entries between two trees (paths sorted; no rename detection). */
export function renderDiff(
  world: World,
  repo: RepoState,
  fromTree: string | undefined,
  toTree: string,
  atCommit: string,
): Array<Record<string, unknown>> {
  const url = repoApiUrl(world, repo);
  const html = repoHtmlUrl(world, repo);
  const changes = diffTrees(repo.git, fromTree, toTree);
  return changes.map((change) => {
    const { additions, deletions } = countLineChanges(change.before, change.after);
    const p = encodePath(change.path);
    return {
      sha: change.sha,
      filename: change.path,
      status: change.status,
      additions,
      deletions,
      changes: additions + deletions,
      blob_url: `${html}/blob/${atCommit}/${p}`,
      raw_url: `${html}/raw/${atCommit}/${p}`,
      contents_url: `${url}/contents/${p}?ref=${atCommit}`,
    };
  });
}

export interface TreeChangeSummary {
  readonly path: string;
  readonly status: 'added' | 'removed' | 'modified';
  readonly sha: string;
  readonly before: Buffer | undefined;
  readonly after: Buffer | undefined;
}

export function diffTrees(git: GitStore, fromTree: string | undefined, toTree: string): TreeChangeSummary[] {
  const before: Map<string, FlatEntry> = fromTree ? git.flatten(fromTree) : new Map();
  const after = git.flatten(toTree);
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  const out: TreeChangeSummary[] = [];
  for (const p of paths) {
    const a = before.get(p);
    const b = after.get(p);
    if (a && b && a.sha === b.sha && a.mode === b.mode) {
      continue;
    }
    const content = (e: FlatEntry | undefined): Buffer | undefined => (e ? git.blob(e.sha)?.content : undefined);
    out.push({
      path: p,
      status: !a ? 'added' : !b ? 'removed' : 'modified',
      sha: (b ?? (a as FlatEntry)).sha,
      before: content(a),
      after: content(b),
    });
  }
  return out;
}

/** Added and deleted lines between two texts (a longest-common-subsequence diff); binary files count 0. */
export function countLineChanges(
  before: Buffer | undefined,
  after: Buffer | undefined,
): { additions: number; deletions: number } {
  if ((before && before.includes(0)) || (after && after.includes(0))) {
    return { additions: 0, deletions: 0 };
  }
  const lines = (b: Buffer | undefined): string[] => {
    if (!b || b.length === 0) {
      return [];
    }
    const text = b.toString('utf-8');
    return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
  };
  const a = lines(before);
  const b = lines(after);
  if (a.length * b.length > 4_000_000) {
    return { additions: b.length, deletions: a.length };
  }
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      row[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
    }
    prev = row;
  }
  const common = prev[b.length];
  return { additions: b.length - common, deletions: a.length - common };
}

export function renderRef(world: World, repo: RepoState, ref: string, sha: string): Record<string, unknown> {
  const url = repoApiUrl(world, repo);
  const type = repo.git.get(sha)?.type ?? 'commit';
  return {
    ref,
    node_id: nodeId('Ref', `${repo.id}:${ref}`),
    url: `${url}/git/${encodePath(ref)}`,
    object: { type, sha, url: `${url}/git/${type}s/${sha}` },
  };
}

export function renderBranch(world: World, repo: RepoState, name: string, sha: string): Record<string, unknown> {
  const url = repoApiUrl(world, repo);
  const commit = repo.git.commit(sha) as GitCommit;
  return {
    name,
    commit: renderCommit(world, repo, commit, false),
    _links: {
      self: `${url}/branches/${encodePath(name)}`,
      html: `${repoHtmlUrl(world, repo)}/tree/${encodePath(name)}`,
    },
    protected: false,
    protection: { enabled: false, required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] } },
    protection_url: `${url}/branches/${encodePath(name)}/protection`,
  };
}

export function renderStatus(
  world: World,
  repo: RepoState,
  status: StatusState,
  withCreator: boolean,
): Record<string, unknown> {
  return {
    url: `${repoApiUrl(world, repo)}/statuses/${status.sha}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${status.creator.id}?v=4`,
    id: status.id,
    node_id: nodeId('StatusContext', status.id),
    state: status.state,
    description: status.description,
    target_url: status.targetUrl,
    context: status.context,
    created_at: status.createdAt,
    updated_at: status.createdAt,
    ...(withCreator ? { creator: renderUser(world, status.creator) } : {}),
  };
}

/** Summary of a pull request's commits and changes (between its merge base with the base and its head). */
export function pullStats(
  repo: RepoState,
  pull: PullState,
): { commits: number; additions: number; deletions: number; changedFiles: number } {
  const head = repo.pullHeadSha(pull);
  const base = pullBaseSha(repo, pull);
  const headCommit = repo.git.commit(head);
  if (!headCommit || !base) {
    return { commits: 0, additions: 0, deletions: 0, changedFiles: 0 };
  }
  const mergeBase = repo.git.mergeBase(base, head);
  const fromTree = mergeBase ? repo.git.commit(mergeBase)?.tree : undefined;
  const changes = diffTrees(repo.git, fromTree, headCommit.tree);
  let additions = 0;
  let deletions = 0;
  for (const c of changes) {
    const counted = countLineChanges(c.before, c.after);
    additions += counted.additions;
    deletions += counted.deletions;
  }
  return { commits: repo.git.commitsBetween(base, head).length, additions, deletions, changedFiles: changes.length };
}

/** The base commit of a pull request: the base branch tip while open, the recorded one once closed. */
export function pullBaseSha(repo: RepoState, pull: PullState): string {
  const tip = pull.state === 'open' ? repo.branchSha(pull.base) : undefined;
  return tip ?? pull.baseShaAtClose ?? repo.branchSha(pull.base) ?? '';
}

/** A pull request; `simple` for list answers, otherwise the full object with mergeability and counts. */
export function renderPull(world: World, repo: RepoState, pull: PullState, simple: boolean): Record<string, unknown> {
  const url = repoApiUrl(world, repo);
  const html = repoHtmlUrl(world, repo);
  const self = `${url}/pulls/${pull.number}`;
  const headSha = repo.pullHeadSha(pull);
  const issue = repo.issues.get(pull.number);
  const labels = (issue?.labels ?? []).flatMap((name) => {
    const label = repo.labels.get(name.toLowerCase());
    // The list answer documents a label description as a non-null string, unlike the other pull request answers.
    return label ? [renderLabel(world, repo, simple ? { ...label, description: label.description ?? '' } : label)] : [];
  });
  const side = (ref: string, sha: string): Record<string, unknown> => ({
    label: `${repo.owner.login}:${ref}`,
    ref,
    sha,
    user: renderUser(world, repo.owner),
    repo: renderRepository(world, repo, 'repository'),
  });
  const out: Record<string, unknown> = {
    url: self,
    id: pull.id,
    node_id: nodeId('PullRequest', pull.id),
    html_url: `${html}/pull/${pull.number}`,
    diff_url: `${html}/pull/${pull.number}.diff`,
    patch_url: `${html}/pull/${pull.number}.patch`,
    issue_url: `${url}/issues/${pull.number}`,
    commits_url: `${self}/commits`,
    review_comments_url: `${self}/comments`,
    review_comment_url: `${url}/pulls/comments{/number}`,
    comments_url: `${url}/issues/${pull.number}/comments`,
    statuses_url: `${url}/statuses/${headSha}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: renderUser(world, pull.user),
    body: pull.body,
    labels,
    milestone: null,
    active_lock_reason: null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: side(pull.head, headSha),
    base: side(pull.base, pullBaseSha(repo, pull)),
    _links: {
      self: { href: self },
      html: { href: `${html}/pull/${pull.number}` },
      issue: { href: `${url}/issues/${pull.number}` },
      comments: { href: `${url}/issues/${pull.number}/comments` },
      review_comments: { href: `${self}/comments` },
      review_comment: { href: `${url}/pulls/comments{/number}` },
      commits: { href: `${self}/commits` },
      statuses: { href: `${url}/statuses/${headSha}` },
    },
    author_association: pull.user.login.toLowerCase() === repo.owner.login.toLowerCase() ? 'OWNER' : 'CONTRIBUTOR',
    auto_merge: null,
    draft: pull.draft,
  };
  if (simple) {
    return out;
  }
  const stats = pullStats(repo, pull);
  const mergeable = pull.state === 'open' ? isMergeable(repo, pull) : null;
  return {
    ...out,
    merged: pull.merged,
    mergeable,
    rebaseable: mergeable,
    mergeable_state: mergeable === null ? 'unknown' : mergeable ? 'clean' : 'dirty',
    merged_by: pull.mergedBy ? renderUser(world, pull.mergedBy) : null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: pull.maintainerCanModify,
    commits: stats.commits,
    additions: stats.additions,
    deletions: stats.deletions,
    changed_files: stats.changedFiles,
  };
}

/** Whether the head merges into the base without conflicting changes to one path. */
export function isMergeable(repo: RepoState, pull: PullState): boolean {
  const head = repo.pullHeadSha(pull);
  const base = pullBaseSha(repo, pull);
  return repo.git.mergeCommits(base, head) !== undefined;
}

/** A pull request review (`GET …/pulls/{pull_number}/reviews`). */
export function renderReview(world: World, repo: RepoState, review: ReviewState): Record<string, unknown> {
  const pullUrl = `${repoApiUrl(world, repo)}/pulls/${review.pullNumber}`;
  const html = `${repoHtmlUrl(world, repo)}/pull/${review.pullNumber}#pullrequestreview-${review.id}`;
  return {
    id: review.id,
    node_id: nodeId('PullRequestReview', review.id),
    user: renderUser(world, review.user),
    body: review.body,
    state: review.state,
    html_url: html,
    pull_request_url: pullUrl,
    author_association: 'MEMBER',
    _links: { html: { href: html }, pull_request: { href: pullUrl } },
    submitted_at: review.submittedAt,
    commit_id: review.commitId,
  };
}
