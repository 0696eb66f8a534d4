import * as fs from 'fs';
import * as os from 'os';

/*
 * Lock files name the process that holds them: pid and host, and, where the system tells (Linux), the boot and the
 * process's start time, so that a lock left by a process that died is recognised even when its pid has since been
 * given to another process. A lock held on another host is always taken as alive: a pid means nothing elsewhere.
 */

export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  /** The boot the process ran in (Linux `boot_id`), when known. */
  readonly boot?: string;
  /** When the process started, in clock ticks since boot (Linux `/proc/<pid>/stat`), when known. */
  readonly start?: string;
  /** Unique to one taking of the lock, so that a holder can tell its own lock file from a later one. */
  readonly token?: string;
}

const BOOT_ID = '/proc/sys/kernel/random/boot_id';

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The start time of a process in clock ticks since boot, or undefined where `/proc` does not tell. */
export function processStartTime(pid: number): string | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // Fields after the command name (which may hold spaces and parentheses): state is field 3, starttime field 22.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return /^\d+$/.test(fields[19] ?? '') ? fields[19] : undefined;
}

/** This process as a lock holder, with a fresh token. */
export function currentHolder(token: string): LockHolder {
  const boot = readText(BOOT_ID)?.trim();
  const start = processStartTime(process.pid);
  return {
    pid: process.pid,
    host: os.hostname(),
    ...(boot ? { boot } : {}),
    ...(start ? { start } : {}),
    token,
  };
}

/** The holder a lock file's text names, or undefined when the text is not one this tool writes (validated field by field). */
export function parseLockHolder(text: string): LockHolder | undefined {
  if (text.length > 4096) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { pid, host, boot, start, token } = value as Record<string, unknown>;
  const optionalString = (field: unknown) => field === undefined || (typeof field === 'string' && field.length <= 256);
  const valid =
    Number.isSafeInteger(pid) &&
    (pid as number) > 0 &&
    typeof host === 'string' &&
    host.length <= 256 &&
    optionalString(boot) &&
    optionalString(start) &&
    optionalString(token);
  return valid ? (value as LockHolder) : undefined;
}

/**
 * Whether the holder may still be running: always true for another host, whose processes cannot be checked; false
 * when its pid is gone, when this host has booted since, or when the pid now belongs to a process started at another
 * time.
 */
export function isLockHolderAlive(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return true;
  const boot = readText(BOOT_ID)?.trim();
  if (holder.boot && boot && holder.boot !== boot) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (holder.start) {
    const start = processStartTime(holder.pid);
    if (start && start !== holder.start) return false;
  }
  return true;
}
