import { promises as fs } from 'fs';
import * as path from 'path';
import { LockAttempt, tryLock } from '../lock/lock-file';

/** Raised when the output folder cannot be written (another run holds it, or it is not a folder). */
export class OutputError extends Error {}

/** A lock on an output folder this run holds. */
export interface OutputLock {
  /** Fails when the lock is no longer this run's (removed or taken over by hand): nothing must be written then. */
  assertHeld(): Promise<void>;
  release(): Promise<void>;
}

/**
 * An exclusive lock on an output folder, so two runs never interleave their writes (see `lock-file.ts`). A lock left
 * by a process that no longer runs (on this host) is taken over.
 */
export async function acquireOutputLock(stateDir: string): Promise<OutputLock> {
  const outDir = path.dirname(stateDir);
  let attempt: LockAttempt | undefined;
  for (let tries = 1; attempt === undefined; tries++) {
    await fs.mkdir(stateDir, { recursive: true });
    try {
      attempt = await tryLock(path.join(stateDir, 'lock'));
    } catch (e) {
      // A run that finished just now removed the (empty) state folder after this one made it: make it again.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || tries >= 20) throw e;
    }
  }
  if ('busy' in attempt) {
    const holder = attempt.busy;
    throw new OutputError(
      holder
        ? `another kalypso run (pid ${holder.pid} on ${holder.host}) is writing to ${outDir}; wait for it to finish`
        : `another kalypso run is taking the lock of ${outDir}; wait for it to finish`,
    );
  }
  const { held } = attempt;
  return {
    assertHeld: async () => {
      if (!(await held.isHeld())) {
        throw new OutputError(`the lock of ${outDir} was removed or taken by another run while this run held it`);
      }
    },
    release: () => held.release(),
  };
}
