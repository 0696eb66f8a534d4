import * as fsSync from 'fs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { OutputError } from './output-lock';

/*
 * Replacing many files is not one atomic step, so what a run is about to do is written down first, in a journal: a
 * run killed half way is finished by the next one (roll forward). Only renames and removals happen after the journal
 * is written, and each is one atomic step on one path: a file is replaced by renaming its new version over it, so
 * every path that exists before and after always exists, with its old or its new content — the environment folder
 * itself is never moved. Each operation says which state it is in: it is still to do while its staged file exists.
 *
 * The journal lives in the output folder, where anyone may write, so it is validated before it is used: every path
 * must be a plain relative path inside the output folder (targets) or inside this run's staging folder (staged
 * files), and each folder on the way must be a real folder, never a symbolic link.
 */

/** Replace `target` (relative to the output folder) by `staged` (relative to the state folder), or remove it (null). */
export interface SwapOperation {
  readonly target: string;
  readonly staged: string | null;
}

export interface Journal {
  /** Folder (in the state folder) where replaced folders and files in the way are moved. */
  readonly trash: string;
  readonly operations: readonly SwapOperation[];
}

const JOURNAL = 'journal.json';
const TRASH = /^trash-[0-9a-f]{12}$/;
const STAGING = /^staging-[0-9a-f]{12}$/;

export async function writeJournal(stateDir: string, journal: Journal): Promise<void> {
  const temporary = path.join(stateDir, `${JOURNAL}.tmp`);
  await fs.writeFile(temporary, JSON.stringify(journal));
  await fs.rename(temporary, path.join(stateDir, JOURNAL));
}

/** Whether `value` is a plain relative `/`-separated path: no `.`/`..` segments, no empty ones, no backslashes. */
export function isPlainRelativePath(value: unknown): value is string {
  if (typeof value !== 'string' || value === '' || value.length > 4096 || value.includes('\\')) return false;
  if (value.includes('\u0000')) return false;
  return !EMPTY_OR_DOTS_SEGMENT.test(value);
}

/** A segment that is empty, `.` or `..` (checked for every planned path: one scan, no split). */
const EMPTY_OR_DOTS_SEGMENT = /(?:^|\/)\.{0,2}(?:\/|$)/;

/** Why a parsed journal cannot be used, or undefined when every path in it is one this tool could have written. */
function journalProblem(value: unknown, stateDirName: string): string | undefined {
  if (typeof value !== 'object' || value === null) return 'it is not a JSON object';
  const { trash, operations } = value as Record<string, unknown>;
  if (typeof trash !== 'string' || !TRASH.test(trash)) return `its trash folder ${JSON.stringify(trash)} is not one`;
  if (!Array.isArray(operations)) return 'it has no list of operations';
  for (const [index, operation] of operations.entries()) {
    const { target, staged } = (operation ?? {}) as Record<string, unknown>;
    if (!isPlainRelativePath(target) || target.split('/')[0] === stateDirName) {
      return `operation ${index}: target ${JSON.stringify(target)} is not a path inside the output folder`;
    }
    if (staged !== null && !(isPlainRelativePath(staged) && STAGING.test(staged.split('/')[0]))) {
      return `operation ${index}: staged ${JSON.stringify(staged)} is not a path inside a staging folder`;
    }
  }
  return undefined;
}

/**
 * Carries out the journal's operations; safe to repeat, so it also finishes the operations of a run that was killed.
 * Targets are replaced without following symbolic links, and folders on the way that are not real folders (a
 * symbolic link, a file) are moved to the trash, so nothing outside the output folder is ever touched.
 */
export async function applyJournal(outDir: string, stateDir: string, journal: Journal): Promise<void> {
  const trash = path.join(stateDir, journal.trash);
  let trashed = 0;
  const moveToTrash = (absolute: string) => {
    fsSync.mkdirSync(trash, { recursive: true });
    fsSync.renameSync(absolute, path.join(trash, String(trashed++)));
  };
  const realFolders = new Set<string>();
  /** Makes every folder from the output folder down to `relative` a real folder. */
  const ensureFolders = (relative: string) => {
    let current = outDir;
    for (const segment of relative === '.' ? [] : relative.split('/')) {
      current = path.join(current, segment);
      if (realFolders.has(current)) continue;
      const stat = fsSync.lstatSync(current, { throwIfNoEntry: false });
      if (stat && !stat.isDirectory()) moveToTrash(current);
      if (!stat || !stat.isDirectory()) fsSync.mkdirSync(current);
      realFolders.add(current);
    }
  };
  const emptied = new Set<string>();
  // Synchronous calls: tens of thousands of renames run several times faster than with one promise each.
  for (const { target, staged } of journal.operations) {
    const targetPath = path.join(outDir, target);
    const folder = path.posix.dirname(target);
    if (staged === null) {
      if (!fsSync.lstatSync(targetPath, { throwIfNoEntry: false })) continue;
      ensureFolders(folder);
      fsSync.rmSync(targetPath, { recursive: true, force: true });
      emptied.add(folder);
      continue;
    }
    const stagedPath = path.join(stateDir, staged);
    const stagedStat = fsSync.lstatSync(stagedPath, { throwIfNoEntry: false });
    if (!stagedStat) continue;
    ensureFolders(folder);
    const existing = fsSync.lstatSync(targetPath, { throwIfNoEntry: false });
    // A file replaces a file or a symbolic link in one rename; a folder in the way has to go first.
    if (existing && (existing.isDirectory() || stagedStat.isDirectory())) moveToTrash(targetPath);
    fsSync.renameSync(stagedPath, targetPath);
  }
  removeEmptiedFolders(outDir, emptied);
  await fs.rm(path.join(stateDir, JOURNAL), { force: true });
}

/** Removes the folders (and their parents, short of the environment folder) that removals left empty. */
function removeEmptiedFolders(outDir: string, folders: ReadonlySet<string>): void {
  const byDepth = [...folders].sort((a, b) => b.split('/').length - a.split('/').length);
  for (let folder of byDepth) {
    while (folder.includes('/')) {
      try {
        fsSync.rmdirSync(path.join(outDir, folder));
      } catch {
        break;
      }
      folder = path.posix.dirname(folder);
    }
  }
}

/**
 * Finishes an interrupted run's operations, then removes whatever temporary folders runs left behind. A journal that
 * is not one this tool wrote (see `journalProblem`) is refused with an `OutputError`, and nothing is done.
 */
export async function recover(outDir: string, stateDir: string): Promise<void> {
  const journalPath = path.join(stateDir, JOURNAL);
  const stat = await fs.lstat(journalPath).catch(() => undefined);
  if (stat) {
    let journal: unknown;
    try {
      if (!stat.isFile()) throw new Error('not a file');
      journal = JSON.parse(await fs.readFile(journalPath, 'utf8'));
    } catch {
      journal = undefined; // written by rename, so a torn journal cannot happen; an unreadable one is dropped
    }
    if (journal !== undefined) {
      const problem = journalProblem(journal, path.basename(stateDir));
      if (problem) {
        throw new OutputError(
          `${journalPath} is not a journal kalypso wrote (${problem}); nothing was changed: remove it if no kalypso run is going on`,
        );
      }
      await applyJournal(outDir, stateDir, journal as Journal);
    }
    await fs.rm(journalPath, { force: true });
  }
  for (const entry of await fs.readdir(stateDir)) {
    if (entry.startsWith('staging-') || entry.startsWith('trash-') || entry === `${JOURNAL}.tmp`) {
      await fs.rm(path.join(stateDir, entry), { recursive: true, force: true });
    }
  }
}
