/**
 * In-memory state of the fake GitHub: one `RepoState` per `owner/repo` (case-insensitive, as GitHub), each with
 * its own git object store, refs, issues and pull requests, labels and commit statuses.
 */
import { GitStore, isoDate } from './git-store';

/** A GitHub account as the fake knows it. */
export interface UserState {
  readonly login: string;
  readonly id: number;
  readonly type: 'User' | 'Organization' | 'Bot';
  readonly name: string;
  readonly email: string;
}

export interface LabelState {
  readonly id: number;
  readonly name: string;
  color: string;
  description: string | null;
}

export interface StatusState {
  readonly id: number;
  readonly sha: string;
  readonly state: 'error' | 'failure' | 'pending' | 'success';
  readonly context: string;
  readonly description: string | null;
  readonly targetUrl: string | null;
  readonly creator: UserState;
  readonly createdAt: string;
}

/** An issue or a pull request (GitHub numbers both from one sequence; a pull request is an issue). */
export interface IssueState {
  readonly number: number;
  readonly id: number;
  /** Label names, in the order they were added. */
  labels: string[];
  readonly pull?: PullState;
}

export interface PullState {
  readonly number: number;
  readonly id: number;
  state: 'open' | 'closed';
  title: string;
  body: string | null;
  /** Branch name in the same repository (forks are not modelled). */
  readonly head: string;
  base: string;
  readonly user: UserState;
  maintainerCanModify: boolean;
  readonly draft: boolean;
  merged: boolean;
  mergedAt: string | null;
  mergedBy: UserState | null;
  mergeCommitSha: string | null;
  /** Head commit when the pull request was closed or its branch deleted; while open the branch tip is used. */
  headShaAtClose: string | null;
  /** Base branch tip when the pull request was closed (merged or not). */
  baseShaAtClose: string | null;
  readonly createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** A review of a pull request. */
export interface ReviewState {
  readonly id: number;
  readonly pullNumber: number;
  readonly user: UserState;
  readonly state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
  readonly body: string;
  /** The pull request's head commit when the review was submitted. */
  readonly commitId: string;
  readonly submittedAt: string;
}

export class RepoState {
  public readonly git = new GitStore();
  /** Full ref name (`refs/heads/main`) → commit sha. */
  public readonly refs = new Map<string, string>();
  public readonly issues = new Map<number, IssueState>();
  /** Lower-cased label name → label. */
  public readonly labels = new Map<string, LabelState>();
  /** Newest last. */
  public readonly statuses: StatusState[] = [];
  /** Reviews of pull requests, oldest first. */
  public readonly reviews: ReviewState[] = [];
  public readonly createdAt: string;
  public pushedAt: string;
  public updatedAt: string;

  constructor(
    public readonly id: number,
    public readonly owner: UserState,
    public readonly name: string,
    public defaultBranch: string,
    public readonly isPrivate: boolean,
    now: Date,
  ) {
    this.createdAt = isoDate(now);
    this.pushedAt = this.createdAt;
    this.updatedAt = this.createdAt;
  }

  public get fullName(): string {
    return `${this.owner.login}/${this.name}`;
  }

  public branchSha(branch: string): string | undefined {
    return this.refs.get(`refs/heads/${branch}`);
  }

  public pulls(): PullState[] {
    return [...this.issues.values()].flatMap((i) => (i.pull ? [i.pull] : []));
  }

  /** The head commit of a pull request: the branch tip while open, the recorded one once closed. */
  public pullHeadSha(pull: PullState): string {
    const tip = pull.state === 'open' ? this.branchSha(pull.head) : undefined;
    return tip ?? pull.headShaAtClose ?? '';
  }

  /**
   * Resolves a commit-ish as GitHub's `{ref}` parameters do: a full or abbreviated commit sha, a branch or
   * tag name, or `heads/x`, `tags/x`, `refs/heads/x`.
   */
  public resolveCommit(ref: string): string | undefined {
    if (/^[0-9a-f]{40}$/i.test(ref)) {
      return this.git.commit(ref)?.sha;
    }
    const candidates = [`refs/heads/${ref}`, `refs/tags/${ref}`, `refs/${ref}`, ref];
    for (const candidate of candidates) {
      const sha = this.refs.get(candidate);
      if (sha) {
        return sha;
      }
    }
    if (/^[0-9a-f]{7,39}$/i.test(ref)) {
      return this.git.findCommitByPrefix(ref);
    }
    return undefined;
  }
}
