import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import { LockHolder, currentHolder, isLockHolderAlive, parseLockHolder } from './lock-holder';

/*
 * An exclusive lock held as a file, safe against two processes taking it at once:
 *
 * - taking it is one atomic step: the holder's record is written to a file of its own, then hard-linked to the lock's
 *   name, which fails when the name exists (where hard links are not supported, `O_EXCL` creation);
 * - a lock whose holder is dead (see `isLockHolderAlive`) is taken over while holding a second lock, the takeover
 *   lock (`<lock>.takeover`, taken the same way), so that two processes never both judge and remove it: one removes
 *   it, by renaming it to a name of its own and checking that the renamed file is the very one judged dead (same
 *   inode), and all then race to take the lock again with the atomic step above;
 * - the takeover lock is held for a moment only; one left by a process that died is moved away the same way;
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

type Observed = { holder: LockHolder | undefined; ino: number; ageMs: number };

function isStale(observed: Observed): boolean {
  return observed.holder ? !isLockHolderAlive(observed.holder) : observed.ageMs >= UNREADABLE_GRACE_MS;
}

/** Tries to take the lock `lockFile` (its folder must exist), taking over a lock whose holder is dead. */
export async function tryLock(lockFile: string): Promise<LockAttempt> {
  const token = randomBytes(8).toString('hex');
  const holder = currentHolder(token);
  const record = JSON.stringify(holder);
  const takeoverFile = `${lockFile}.takeover`;
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await createExclusively(lockFile, record, token)) return { held: heldLock(lockFile, holder) };
    const observed = await observe(lockFile);
    if (!observed) continue; // released meanwhile: try again
    if (!isStale(observed)) return { busy: observed.holder };
    if (!(await createExclusively(takeoverFile, record, token))) {
      // Another process is taking over (for a moment), or died doing so.
      const taker = await observe(takeoverFile);
      if (taker && isStale(taker)) await moveAway(takeoverFile, taker.ino, token);
      else await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
      continue;
    }
    try {
      // Judged again while holding the takeover lock: nobody else can remove the lock file now.
      const again = await observe(lockFile);
      if (again && again.ino === observed.ino && isStale(again)) await moveAway(lockFile, again.ino, token);
    } finally {
      await heldLock(takeoverFile, holder).release();
    }
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

async function observe(lockFile: string): Promise<Observed | undefined> {
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

/**
 * Moves the lock file judged dead (inode `ino`) out of the way, by a rename only one process can make for one file;
 * puts back a file that turned out to be another one.
 */
async function moveAway(lockFile: string, ino: number, token: string): Promise<void> {
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
