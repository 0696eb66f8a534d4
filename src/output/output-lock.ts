import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Raised when the output folder cannot be written (another run holds it, or it is not a folder). */
export class OutputError extends Error {}

/**
 * An exclusive lock on an output folder, so two runs never interleave their writes. A lock left by a process that
 * no longer exists (on this host) is taken over.
 */
export async function acquireOutputLock(stateDir: string): Promise<() => Promise<void>> {
  await fs.mkdir(stateDir, { recursive: true });
  const lockFile = path.join(stateDir, 'lock');
  const owner = JSON.stringify({ pid: process.pid, host: os.hostname() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(lockFile, owner, { flag: 'wx' });
      return async () => {
        await fs.rm(lockFile, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = await readHolder(lockFile);
      if (holder && isAlive(holder)) {
        throw new OutputError(`another kalypso run (pid ${holder.pid} on ${holder.host}) is writing to ${path.dirname(stateDir)}; wait for it to finish`);
      }
      await fs.rm(lockFile, { force: true });
    }
  }
  throw new OutputError(`cannot lock ${path.dirname(stateDir)}`);
}

async function readHolder(lockFile: string): Promise<{ pid: number; host: string } | undefined> {
  try {
    const holder = JSON.parse(await fs.readFile(lockFile, 'utf8'));
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? holder : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(holder: { pid: number; host: string }): boolean {
  if (holder.host !== os.hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
