/*
 * The port every Git host adapter implements: what publishing and promotion need from GitHub, GitLab, Azure DevOps,
 * Gitea/Forgejo or Bitbucket Cloud, in the host's own words translated once. Adapters know nothing of Kalypso: they
 * read branches, write commits, keep one request of their caller's and set or read commit statuses.
 */

/** The hosts an adapter exists for. */
export enum HostKind {
  GITHUB = 'github',
  GITLAB = 'gitlab',
  AZURE_DEVOPS = 'azure-devops',
  GITEA = 'gitea',
  BITBUCKET = 'bitbucket',
}

/** A commit state as GitHub names it; each adapter maps its host's states onto these four. */
export type CommitState = 'error' | 'failure' | 'pending' | 'success';

/** A commit status to set. */
export interface CommitStatus {
  readonly state: CommitState;
  /** What the status is about (`dev environment`); the host's context, name or key. */
  readonly context: string;
  readonly description?: string;
  readonly targetUrl?: string;
}

/** A commit status as read back: the newest of its context. */
export interface ReadCommitStatus extends CommitStatus {
  /**
   * Set when the host keeps a hash of the context instead of the context (Bitbucket's `key`, as Flux writes it):
   * `context` then holds the status's display name, and `contextHash` the SHA-1 of the real context.
   */
  readonly contextHash?: string;
}

/** A branch as read from the host: its tip and every file in it, by git blob id. */
export interface BranchSnapshot {
  readonly branch: string;
  readonly commit: string;
  /** Id of the tip's tree, where the host tells it. */
  readonly treeId?: string;
  /** Path → git blob id of every file of the branch. */
  readonly blobs: ReadonlyMap<string, string>;
}

/** Files to write and delete as one commit. */
export interface FileChanges {
  /** Path → UTF-8 content of the files to add or change. */
  readonly files: Readonly<Record<string, string>>;
  /** Paths to delete. */
  readonly deletions: readonly string[];
}

/** A commit straight onto a branch, which must exist and is only ever fast-forwarded. */
export interface BranchCommit extends FileChanges {
  readonly branch: string;
  readonly message: string;
}

export interface LabelSpec {
  readonly name: string;
  /** Six hex digits. @default '0E8A16' */
  readonly color?: string;
  readonly description?: string;
}

/**
 * A change to propose: one commit holding `files` and `deletions` on top of `base`, on branch `head` (the caller's
 * own, recreated from `base` whenever the change differs), and one open request from `head` into `base`.
 */
export interface ChangeProposal extends FileChanges {
  /** The base branch as read; the change was computed against it. */
  readonly base: BranchSnapshot;
  readonly head: string;
  readonly title: string;
  /** Must contain `marker`. */
  readonly body: string;
  readonly commitMessage: string;
  /**
   * Text that marks the requests this caller owns (in their description). Only an open request from `head` into
   * `base` carrying it is ever updated or closed; any other is left alone and nothing is written.
   */
  readonly marker: string;
  /** Labels the request should carry (created when the host needs them created). @default [] */
  readonly labels?: readonly LabelSpec[];
  /** Labels to take off the request when present. @default [] */
  readonly removeLabels?: readonly string[];
}

/** A request the adapter wrote or looked at. */
export interface RequestRef {
  /**
   * `created`: a new request; `updated`: the open one got a new commit, text or labels; `unchanged`: the open one
   * already proposes exactly this; `closed`: the base already equals the change, so the open one was closed.
   */
  readonly action: 'created' | 'updated' | 'unchanged' | 'closed';
  /** The host's number of the request (GitLab's `iid`, Azure DevOps' pull request id). */
  readonly number: number;
  /** Its web page. */
  readonly url: string;
}

/** An approving review of a request. */
export interface RequestApproval {
  /** The reviewer's account. */
  readonly by: string;
  /** When the review was submitted (ISO 8601). */
  readonly at: string;
  /** The request's number. */
  readonly request: number;
}

/** Which request's approvals to read: the newest merged one from `head` into `base` carrying `marker`. */
export interface ApprovalQuery {
  readonly head: string;
  readonly base: string;
  readonly marker: string;
}

export type RequestOutcome =
  /** No change and no request: nothing was written. */
  { readonly action: 'none' } | RequestRef;

/**
 * One repository on one Git host. Every failure is a `HostError` naming the host, the repository and what was being
 * done, with the host's own message and never a token.
 */
export interface PullRequestHost {
  readonly kind: HostKind;
  /** The repository, for messages: `org/gitops on gitlab.example.com`. */
  readonly description: string;
  /** The tip of a branch and its files, or undefined when the branch does not exist. */
  readBranch(branch: string): Promise<BranchSnapshot | undefined>;
  /**
   * A commit of the repository and its files, as `readBranch` reads a branch's tip (`branch` is the commit id); a
   * rollout's revert reads the content from before the rollout with it. Only some adapters have it; without it, the
   * commit is read with git.
   */
  readCommit?(commit: string): Promise<BranchSnapshot>;
  /** The UTF-8 contents of files of a branch as read, by path; paths not in it are left out. */
  readFiles(branch: BranchSnapshot, paths: readonly string[]): Promise<Map<string, string>>;
  /**
   * Commits onto an existing branch, fast-forward only, and returns the new commit, or undefined when the branch
   * already holds exactly these files (nothing is committed).
   */
  commitToBranch(change: BranchCommit): Promise<string | undefined>;
  /**
   * Proposes a change as the caller's request: created when missing, updated in place when open, closed (with its
   * branch deleted) when the base already equals the change; an empty change with no open request writes nothing.
   */
  proposeChange(change: ChangeProposal): Promise<RequestOutcome>;
  setStatus(commit: string, status: CommitStatus): Promise<void>;
  /** The newest status of each context on a commit. */
  readStatuses(commit: string): Promise<ReadCommitStatus[]>;
  /**
   * The approvals of a merged request (each reviewer's latest review, when it approves); a rollout's wave waits for
   * them (docs/explanation/rollouts.md). Only adapters of hosts whose reviews are read have it.
   */
  readApprovals?(query: ApprovalQuery): Promise<RequestApproval[]>;
}
