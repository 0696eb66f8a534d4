import type { Octokit } from '@octokit/rest' with { 'resolution-mode': 'import' };
import { branchCommit, branchTip, createTreeOnBase, gitHubCall } from './branch-tree';
import { GitHubError } from './github-error';

export interface LabelSpec {
  readonly name: string;
  /** Six hex digits. @default '0E8A16' */
  readonly color?: string;
  readonly description?: string;
}

/** A change to propose: files to write and delete on top of `base`, as one commit on `head`, and its pull request. */
export interface PullRequestChange {
  readonly owner: string;
  readonly repo: string;
  /** Branch the pull request goes into. */
  readonly base: string;
  /** Branch that carries the change; it belongs to the caller and is recreated from `base` each time. */
  readonly head: string;
  readonly title: string;
  /** Must contain `marker`. */
  readonly body: string;
  readonly commitMessage: string;
  /** Path → content of the files to write (added or changed relative to `base`). */
  readonly files: Readonly<Record<string, string>>;
  /** Paths to delete. */
  readonly deletions: readonly string[];
  /**
   * Text that marks the pull requests this caller owns (in their body). Only an open pull request from `head` into
   * `base` carrying it is ever updated or closed; any other is left alone.
   */
  readonly marker: string;
  /** Labels the pull request should carry (created in the repository when missing). @default [] */
  readonly labels?: readonly LabelSpec[];
  /** Labels to take off the pull request when present. @default [] */
  readonly removeLabels?: readonly string[];
  /**
   * The base commit and its tree that `files` and `deletions` were computed against.
   * @default - the tip of `base` now
   */
  readonly baseTree?: { readonly commit: string; readonly tree: string };
}

/** A pull request the tool wrote or looked at. */
export interface PullRequestRef {
  /**
   * `created`: a new pull request; `updated`: the open one got a new commit, text or labels; `unchanged`: the open
   * one already proposes exactly this; `closed`: the base already equals the change, so the open one was closed.
   */
  readonly action: 'created' | 'updated' | 'unchanged' | 'closed';
  readonly number: number;
  readonly url: string;
}

export type PullRequestOutcome =
  /** No change and no pull request: nothing was written. */
  { readonly action: 'none' } | PullRequestRef;

const DEFAULT_LABEL_COLOR = '0E8A16';

/**
 * Proposes a change as a pull request with the Git Data API (as docs/explanation/publishing.md describes it): one commit holding every
 * change, parented on the base tip, on `head` (created, or force-updated when it already exists), and one pull
 * request from `head` into `base` — created when missing, updated in place when open, closed (with `head` deleted)
 * when the change turns out empty. An empty change with no open pull request writes nothing. Knows nothing about
 * what the files mean.
 */
export async function openPullRequest(octokit: Octokit, change: PullRequestChange): Promise<PullRequestOutcome> {
  const { owner, repo, base, head } = change;
  const where = `${owner}/${repo}`;
  const call = gitHubCall(where);
  if (!change.body.includes(change.marker)) throw new Error('the pull request body must contain the ownership marker');

  const baseTree = change.baseTree ?? (await branchTip(octokit, { owner, repo, branch: base }));

  const open = await call(`list the pull requests from ${head}`, () =>
    octokit.paginate(octokit.rest.pulls.list, {
      owner,
      repo,
      head: `${owner}:${head}`,
      base,
      state: 'open',
      per_page: 100,
    }),
  );
  const foreign = open.find((pull) => !(pull.body ?? '').includes(change.marker));
  if (foreign) {
    throw new GitHubError(
      `pull request #${foreign.number} from ${head} into ${base} in ${where} was not opened by this tool; ` +
        `it is left alone, and nothing was published (close it, or rename its branch)`,
    );
  }
  const owned = open[0];

  const closeOwned = async (): Promise<PullRequestOutcome> => {
    if (!owned) return { action: 'none' };
    await call(`close pull request #${owned.number}`, () =>
      octokit.rest.pulls.update({ owner, repo, pull_number: owned.number, state: 'closed' }),
    );
    await call(`delete branch ${head}`, () => octokit.rest.git.deleteRef({ owner, repo, ref: `heads/${head}` })).catch(
      (e: unknown) => {
        if (!(e instanceof GitHubError && e.status === 422)) throw e;
      },
    );
    return { action: 'closed', number: owned.number, url: owned.html_url };
  };
  if (Object.keys(change.files).length === 0 && change.deletions.length === 0) return closeOwned();

  const tree = await createTreeOnBase(octokit, {
    owner,
    repo,
    baseTree: baseTree.tree,
    files: change.files,
    deletions: change.deletions,
  });
  if (tree === baseTree.tree) return closeOwned();

  const headTip = await branchCommit(octokit, { owner, repo, branch: head });
  let current = false;
  if (headTip) {
    const tip = await call(`read commit ${headTip}`, () =>
      octokit.rest.git.getCommit({ owner, repo, commit_sha: headTip }),
    );
    current =
      tip.data.tree.sha === tree && tip.data.parents.length === 1 && tip.data.parents[0].sha === baseTree.commit;
  }
  if (!current) {
    const commit = await call('create the commit', () =>
      octokit.rest.git.createCommit({
        owner,
        repo,
        message: change.commitMessage,
        tree,
        parents: [baseTree.commit],
      }),
    );
    if (headTip) {
      await call(`update branch ${head}`, () =>
        octokit.rest.git.updateRef({ owner, repo, ref: `heads/${head}`, sha: commit.data.sha, force: true }),
      );
    } else {
      await call(`create branch ${head}`, () =>
        octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${head}`, sha: commit.data.sha }),
      );
    }
  }

  let outcome: PullRequestRef;
  let labels: string[];
  if (owned) {
    const textChanged = owned.title !== change.title || (owned.body ?? '') !== change.body;
    if (textChanged) {
      await call(`update pull request #${owned.number}`, () =>
        octokit.rest.pulls.update({
          owner,
          repo,
          pull_number: owned.number,
          title: change.title,
          body: change.body,
        }),
      );
    }
    outcome = { action: current && !textChanged ? 'unchanged' : 'updated', number: owned.number, url: owned.html_url };
    labels = owned.labels.map((label) => label.name);
  } else {
    const created = await call('open the pull request', () =>
      octokit.rest.pulls.create({
        owner,
        repo,
        base,
        head,
        title: change.title,
        body: change.body,
      }),
    );
    outcome = { action: 'created', number: created.data.number, url: created.data.html_url };
    labels = [];
  }

  const missing = (change.labels ?? []).filter(
    (label) => !labels.some((name) => name.toLowerCase() === label.name.toLowerCase()),
  );
  if (missing.length > 0) {
    const existing = await call('list labels', () =>
      octokit.paginate(octokit.rest.issues.listLabelsForRepo, { owner, repo, per_page: 100 }),
    );
    for (const label of missing.filter(
      (wanted) => !existing.some((known) => known.name.toLowerCase() === wanted.name.toLowerCase()),
    )) {
      await call(`create label ${label.name}`, () =>
        octokit.rest.issues.createLabel({
          owner,
          repo,
          name: label.name,
          color: label.color ?? DEFAULT_LABEL_COLOR,
          ...(label.description ? { description: label.description } : {}),
        }),
      ).catch((e: unknown) => {
        if (!(e instanceof GitHubError && e.status === 422)) throw e;
      });
    }
    await call(`label pull request #${outcome.number}`, () =>
      octokit.rest.issues.addLabels({
        owner,
        repo,
        issue_number: outcome.number,
        labels: missing.map((label) => label.name),
      }),
    );
    if (outcome.action === 'unchanged') outcome = { ...outcome, action: 'updated' };
  }
  for (const name of (change.removeLabels ?? []).filter((label) =>
    labels.some((present) => present.toLowerCase() === label.toLowerCase()),
  )) {
    await call(`remove label ${name}`, () =>
      octokit.rest.issues.removeLabel({ owner, repo, issue_number: outcome.number, name }),
    ).catch((e: unknown) => {
      if (!(e instanceof GitHubError && e.status === 404)) throw e;
    });
    if (outcome.action === 'unchanged') outcome = { ...outcome, action: 'updated' };
  }
  return outcome;
}
