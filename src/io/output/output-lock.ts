import { promises as fs } from 'fs';
import * as path from 'path';
import { isLockHolderAlive, lockOwner, readLockHolder } from '../lock/lock-holder';

/** Raised when the output folder cannot be written (another run holds it, or it is not a folder). */
export class OutputError extends Error {}

/**
 * An exclusive lock on an output folder, so two runs never interleave their writes. A lock left by a process that
 * no longer exists (on this host) is taken over.
 */
export async function acquireOutputLock(stateDir: string): Promise<() => Promise<void>> {
  await fs.mkdir(stateDir, { recursive: true });
  const lockFile = path.join(stateDir, 'lock');
  const owner = lockOwner();
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(lockFile, owner, { flag: 'wx' });
      return async () => {
        await fs.rm(lockFile, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = await readLockHolder(lockFile);
      if (holder && isLockHolderAlive(holder)) {
        throw new OutputError(
          `another kalypso run (pid ${holder.pid} on ${holder.host}) is writing to ${path.dirname(stateDir)}; wait for it to finish`,
        );
      }
      await fs.rm(lockFile, { force: true });
    }
  }
  throw new OutputError(`cannot lock ${path.dirname(stateDir)}`);
}
