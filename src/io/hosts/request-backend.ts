import { BranchSnapshot, FileChanges, LabelSpec } from './pull-request-host';

/** An open request as a host lists it. */
export interface OpenRequest {
  readonly number: number;
  readonly url: string;
  readonly title: string;
  readonly body: string;
  readonly labels: readonly string[];
}

/** A branch tip and its parents. */
export interface BranchTip {
  readonly commit: string;
  readonly parents: readonly string[];
}

/**
 * The few host calls `proposeChange` is built from, implemented once per host that has no Git Data API of GitHub's
 * kind. Methods decide nothing; they translate.
 */
export interface RequestBackend {
  /** Longest description the host keeps, in characters. */
  readonly maxBodyLength: number;
  /** Whether requests carry labels on this host. */
  readonly hasLabels: boolean;
  listOpenRequests(head: string, base: string): Promise<OpenRequest[]>;
  branchTip(branch: string): Promise<BranchTip | undefined>;
  /** Path → blob id of every file at a commit. */
  listFiles(commit: string, branch: string): Promise<ReadonlyMap<string, string>>;
  /**
   * Makes `head` one commit on `base.commit` holding `changes` (already reduced to real changes), creating `head`
   * or moving it when it exists (at `headTip`); returns the commit.
   */
  writeHead(
    base: BranchSnapshot,
    head: string,
    headTip: string | undefined,
    message: string,
    changes: FileChanges,
  ): Promise<string>;
  createRequest(request: {
    head: string;
    base: string;
    title: string;
    body: string;
    labels: readonly LabelSpec[];
  }): Promise<{ number: number; url: string }>;
  updateRequest(number: number, text: { title: string; body: string }): Promise<void>;
  /** Adds and removes labels (names as given; missing repository labels created as the host needs). */
  changeLabels(number: number, add: readonly LabelSpec[], remove: readonly string[]): Promise<void>;
  closeRequest(number: number): Promise<void>;
  /** Deletes a branch; a branch already gone is not an error. */
  deleteBranch(branch: string): Promise<void>;
}
