import { ROLLOUT_STATE_FILE, RolloutState, parseRolloutState } from '../../core/rollout/rollout-state';
import type { TargetBranch } from '../publish/publish';

/** The tracking file's state was found but cannot be trusted. */
export class RolloutStateError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'RolloutStateError';
  }
}

/**
 * The rollout the branch records (its tracking file), undefined when it has none; a file that is not a tracking file
 * is an error naming the repository and the file, never trusted.
 */
export async function trackedRollout(branch: TargetBranch, where: string): Promise<RolloutState | undefined> {
  if (!branch.tree.blobs.has(ROLLOUT_STATE_FILE)) return undefined;
  const text = (await branch.readContents([ROLLOUT_STATE_FILE])).get(ROLLOUT_STATE_FILE) ?? '';
  const parsed = parseRolloutState(text);
  if ('problem' in parsed) throw new RolloutStateError(`${where}: ${parsed.problem}; fix or delete it`);
  return parsed.state;
}
