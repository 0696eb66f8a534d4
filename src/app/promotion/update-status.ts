import {
  PromotionStatus,
  PromotionStep,
  StatusDecisionOptions,
  promotionStatus,
  shouldSetStatus,
} from './status-contract';
import { StatusBoard } from './status-board';

/** What became of a status. */
export type StatusOutcome =
  | {
      readonly action: 'set' | 'unchanged';
      readonly repository: string;
      readonly commit: string;
      readonly status: PromotionStatus;
    }
  /** Statuses are not kept for this control plane (not on GitHub, or `--no-status`). */
  | { readonly action: 'skipped' };

/** Sets the status of a step on a commit unless the board already says it (`shouldSetStatus`). */
export async function updateStatus(
  board: StatusBoard | undefined,
  commit: string,
  step: PromotionStep,
  environment: string,
  options: StatusDecisionOptions = {},
): Promise<StatusOutcome> {
  if (!board) return { action: 'skipped' };
  const wanted = promotionStatus(step, environment);
  const current = await board.current(commit, wanted.context);
  if (!shouldSetStatus(wanted, current, options)) {
    return { action: 'unchanged', repository: board.description, commit, status: current ?? wanted };
  }
  await board.set(commit, wanted);
  return { action: 'set', repository: board.description, commit, status: wanted };
}
