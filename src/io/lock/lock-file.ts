import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import { LockHolder, currentHolder, isLockHolderAlive, parseLockHolder } from './lock-holder';

/*
 * An exclusive lock held as a file, safe against two processes taking it at once:
 *
 * - taking it is one atomic step: the holder's record is written to a file of its own, then hard-linked to the lock's
 *   name, which fails when the name exists (where hard links are not supported, `O_EXCL` creation);
 * - a lock whose holder is dead (see `isLockHolderAlive`) is taken over by renaming it to a name of the taker's own,
 *   which only one process can do for one file, and checking that the renamed file is the very one judged dead
 *   (same inode); a lock taken meanwhile by another process is put back;
 * - a lock file that does not hold a valid record is stale once it is older than a few seconds (a crash between
 *   `O_EXCL` creation and writing), and live before.
 */

/** How long an unreadable lock file counts as being written rather than left behind. */
const UNREADABLE_GRACE_MS = 5_000;

/** A lock this process holds. */
export interface HeldLock {
  /** The record written into the lock file. */
  readonly holder: LockHolder;
  /** Whether the lock file is still this one (nobody removed or replaced it). */
  isHeld(): Promise<boolean>;
  /** Removes the lock file if it is still this one. */
  release(): Promise<void>;
}

/** The outcome of one attempt: held, or busy with the holder named when its record could be read. */
export type LockAttempt = { readonly held: HeldLock } | { readonly busy: LockHolder | undefined };

/** Tries once to take the lock `lockFile` (its folder must exist), taking over a lock whose holder is dead. */
export async function tryLock(lockFile: string): Promise<LockAttempt> {
  const token = randomBytes(8).toString('hex');
  const holder = currentHolder(token);
  const record = JSON.stringify(holder);
  for (let attempt = 0; attempt < 10; attempt++) {
    if (await createExclusively(lockFile, record, token)) return { held: heldLock(lockFile, holder) };
    const observed = await observe(lockFile);
    if (!observed) continue; // released meanwhile: try again
    if (observed.holder ? isLockHolderAlive(observed.holder) : observed.ageMs < UNREADABLE_GRACE_MS) {
      return { busy: observed.holder };
    }
    await takeOver(lockFile, observed.ino, token);
  }
  return { busy: undefined };
}

async function createExclusively(lockFile: string, record: string, token: string): Promise<boolean> {
  const own = `${lockFile}.${token}.new`;
  await fs.writeFile(own, record, { flag: 'wx' });
  try {
    await fs.link(own, lockFile);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
    return createWithoutLinks(lockFile, record);
  } finally {
    await fs.rm(own, { force: true });
  }
}

/** On a file system without hard links: `O_EXCL` creation, then the record (unreadable for a moment). */
async function createWithoutLinks(lockFile: string, record: string): Promise<boolean> {
  try {
    await fs.writeFile(lockFile, record, { flag: 'wx' });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

async function observe(
  lockFile: string,
): Promise<{ holder: LockHolder | undefined; ino: number; ageMs: number } | undefined> {
  let handle;
  try {
    handle = await fs.open(lockFile, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    const stat = await handle.stat();
    const buffer = Buffer.alloc(4097);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return {
      holder: parseLockHolder(buffer.subarray(0, bytesRead).toString('utf8')),
      ino: stat.ino,
      ageMs: Date.now() - stat.mtimeMs,
    };
  } finally {
    await handle.close();
  }
}

/** Moves the dead holder's lock file (inode `ino`) out of the way; puts back a lock file that turned out to be another. */
async function takeOver(lockFile: string, ino: number, token: string): Promise<void> {
  const grave = `${lockFile}.${token}.stale`;
  try {
    await fs.rename(lockFile, grave);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  try {
    if ((await fs.lstat(grave)).ino !== ino) {
      await fs.link(grave, lockFile).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'EEXIST') throw e;
      });
    }
  } finally {
    await fs.rm(grave, { force: true });
  }
}

function heldLock(lockFile: string, holder: LockHolder): HeldLock {
  const isHeld = async () => {
    try {
      return parseLockHolder(await fs.readFile(lockFile, 'utf8'))?.token === holder.token;
    } catch {
      return false;
    }
  };
  return {
    holder,
    isHeld,
    release: async () => {
      if (await isHeld()) await fs.rm(lockFile, { force: true });
    },
  };
}
