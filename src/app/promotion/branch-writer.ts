/** One file written onto a branch as one commit. */
export interface BranchFileWrite {
  readonly path: string;
  readonly content: string;
  readonly message: string;
}

/** What a writer did. */
export interface BranchWriteOutcome {
  /** `written`: a commit was added; `unchanged`: the branch already held the file. */
  readonly action: 'written' | 'unchanged';
  /** The new commit, when written. */
  readonly commit?: string;
}

/** Writes a file onto one branch of a repository: with git push, or through the GitHub API. Decides nothing. */
export interface BranchWriter {
  /** Repository and branch, for messages. */
  readonly description: string;
  /** Fast-forwards the branch with the file; fails when the branch is missing or moves meanwhile. */
  write(file: BranchFileWrite): Promise<BranchWriteOutcome>;
}
