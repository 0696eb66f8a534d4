import { promises as fs } from 'fs';
import * as path from 'path';
import { isLockHolderAlive, lockOwner, readLockHolder } from '../lock/lock-holder';
import { GitError } from './git-runner';

export interface FolderLockOptions {
  /** Longest wait for another process to let go. @default 600000 (10 minutes) */
  readonly timeoutMs?: number;
  /** How often to look again. @default 200 */
  readonly pollMs?: number;
}

/**
 * Runs `work` holding `lockFile` (created exclusively, holding the pid and host), so that processes sharing a cache
 * folder never fetch into one mirror at once. A lock whose holder no longer runs on this host is taken over; a live
 * one is waited for.
 */
export async function withFolderLock<T>(
  lockFile: string,
  work: () => Promise<T>,
  options: FolderLockOptions = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  const owner = lockOwner();
  await fs.mkdir(path.dirname(lockFile), { recursive: true });
  for (;;) {
    try {
      await fs.writeFile(lockFile, owner, { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = await readLockHolder(lockFile);
      if (holder && !isLockHolderAlive(holder)) {
        await fs.rm(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new GitError(
          `${path.dirname(lockFile)} is locked by another kalypso run${holder ? ` (pid ${holder.pid} on ${holder.host})` : ''}; remove ${lockFile} if no run is going on`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 200));
    }
  }
  try {
    return await work();
  } finally {
    await fs.rm(lockFile, { force: true });
  }
}
