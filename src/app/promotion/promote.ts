import { BaseRepoChange, ExistingBaseRepo, planBaseRepoChange } from './base-repo-change';
import { BranchWriter } from './branch-writer';
import { PromotionStep } from './status-contract';
import { StatusBoard } from './status-board';
import { StatusOutcome, updateStatus } from './update-status';

/** The environment's branch cannot take the BaseRepo safely (an input problem at `file`). */
export class PromotionRefusedError extends Error {
  public constructor(
    message: string,
    public readonly file: string,
  ) {
    super(message);
    this.name = 'PromotionRefusedError';
  }
}

export interface PromoteProps {
  readonly environment: string;
  /** The `main` commit to pin, in full. */
  readonly commit: string;
  /** The control plane's repository, written as the BaseRepo's `spec.repo`. */
  readonly repo: string;
  /** The environment's branch of the control plane. */
  readonly branch: string;
  /** The branch's BaseRepo `main` objects, and its files. */
  readonly existing: readonly ExistingBaseRepo[];
  readonly files: ReadonlySet<string>;
  /** Writes onto the branch. */
  readonly writer: BranchWriter;
  /** Where the `<env> environment` status goes; none when statuses are skipped. */
  readonly statuses?: StatusBoard;
}

/** What a promotion did. */
export interface PromotionResult {
  readonly environment: string;
  readonly commit: string;
  readonly branch: string;
  /** The BaseRepo's file on the branch. */
  readonly file: string;
  /** `written` (a commit onto the branch) or `unchanged` (it already pinned the commit). */
  readonly action: 'written' | 'unchanged';
  /** The commit written onto the branch. */
  readonly branchCommit?: string;
  /** The `main` commit the branch pinned before. */
  readonly previousCommit?: string;
  readonly status: StatusOutcome;
}

/**
 * Pins `main` to a commit for an environment (what upstream Kalypso's cd workflow does): writes the BaseRepo `main` onto the
 * environment's branch (decided by `planBaseRepoChange`), then sets `pending` / `Promoted` on the commit. Promoting the
 * same commit again writes nothing and only sets the status if the commit has none for the environment.
 */
export async function promote(props: PromoteProps): Promise<PromotionResult> {
  const { environment, commit, repo, branch, writer } = props;
  const change: BaseRepoChange = planBaseRepoChange({ commit, repo, existing: props.existing, files: props.files });
  if (change.kind === 'refused') throw new PromotionRefusedError(change.reason, change.file);
  let action: PromotionResult['action'] = 'unchanged';
  let branchCommit: string | undefined;
  if (change.kind === 'write') {
    const outcome = await writer.write({
      path: change.file,
      content: change.content,
      message: `Promote main ${commit.slice(0, 12)} to ${environment}\n\nBaseRepo "main" of ${branch} now pins commit ${commit} of ${repo}.\n`,
    });
    action = outcome.action;
    branchCommit = outcome.commit;
  }
  const status = await updateStatus(props.statuses, commit, PromotionStep.PROMOTED, environment, {
    onlyIfMissing: action === 'unchanged',
  });
  return {
    environment,
    commit,
    branch,
    file: change.file,
    action,
    ...(branchCommit ? { branchCommit } : {}),
    ...(change.kind === 'write' && change.previousCommit ? { previousCommit: change.previousCommit } : {}),
    status,
  };
}
