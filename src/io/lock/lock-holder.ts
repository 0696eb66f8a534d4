import { promises as fs } from 'fs';
import * as os from 'os';

/*
 * Lock files hold the pid and host of the process that created them, so that a lock left by a process that died can
 * be recognised and taken over (on the same host only: a pid means nothing elsewhere).
 */

export interface LockHolder {
  readonly pid: number;
  readonly host: string;
}

/** What this process writes into a lock file it creates. */
export function lockOwner(): string {
  return JSON.stringify({ pid: process.pid, host: os.hostname() });
}

/** The holder recorded in a lock file, or undefined when it cannot be read. */
export async function readLockHolder(lockFile: string): Promise<LockHolder | undefined> {
  try {
    const holder = JSON.parse(await fs.readFile(lockFile, 'utf8'));
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? holder : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the holder may still be running: always true for another host, whose processes cannot be checked. */
export function isLockHolderAlive(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
