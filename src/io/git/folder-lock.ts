import { promises as fs } from 'fs';
import * as path from 'path';
import { HeldLock, tryLock } from '../lock/lock-file';
import { GitError } from './git-runner';

export interface FolderLockOptions {
  /** Longest wait for another process to let go. @default 600000 (10 minutes) */
  readonly timeoutMs?: number;
  /** How often to look again. @default 200 */
  readonly pollMs?: number;
}

/**
 * Runs `work` holding `lockFile` (taken atomically, see `lock-file.ts`), so that processes sharing a cache
 * folder never fetch into one mirror at once. A lock whose holder no longer runs on this host is taken over; a live
 * one is waited for.
 */
export async function withFolderLock<T>(
  lockFile: string,
  work: () => Promise<T>,
  options: FolderLockOptions = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  await fs.mkdir(path.dirname(lockFile), { recursive: true });
  let held: HeldLock;
  for (;;) {
    const attempt = await tryLock(lockFile);
    if ('held' in attempt) {
      held = attempt.held;
      break;
    }
    if (Date.now() > deadline) {
      const holder = attempt.busy;
      throw new GitError(
        `${path.dirname(lockFile)} is locked by another kalypso run${holder ? ` (pid ${holder.pid} on ${holder.host})` : ''}; remove ${lockFile} if no run is going on`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 200));
  }
  try {
    return await work();
  } finally {
    await held.release();
  }
}
