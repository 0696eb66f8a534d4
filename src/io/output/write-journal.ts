import { promises as fs } from 'fs';
import * as path from 'path';

/*
 * Swapping several folders into place is not one atomic step, so the swap is written down first: a run killed half
 * way is finished by the next one (roll forward). Only renames happen after the journal is written.
 */

/** Replace `target` (relative to the output folder) by `staged`, or delete it when `staged` is null. */
export interface SwapOperation {
  readonly target: string;
  readonly staged: string | null;
}

interface Journal {
  readonly trash: string;
  readonly operations: readonly SwapOperation[];
}

const JOURNAL = 'journal.json';

export async function writeJournal(stateDir: string, journal: Journal): Promise<void> {
  const temporary = path.join(stateDir, `${JOURNAL}.tmp`);
  await fs.writeFile(temporary, JSON.stringify(journal));
  await fs.rename(temporary, path.join(stateDir, JOURNAL));
}

/** Carries out the journal's swaps; safe to repeat, so it also finishes the swaps of a run that was killed. */
export async function applyJournal(outDir: string, stateDir: string, journal: Journal): Promise<void> {
  const trash = path.join(stateDir, journal.trash);
  for (const [index, { target, staged }] of journal.operations.entries()) {
    const targetPath = path.join(outDir, target);
    const stagedPath = staged === null ? null : path.join(stateDir, staged);
    const pending = stagedPath === null || (await exists(stagedPath));
    if (!pending) continue;
    if (await exists(targetPath)) {
      await fs.mkdir(trash, { recursive: true });
      await fs.rename(targetPath, path.join(trash, String(index)));
    }
    if (stagedPath) {
      await fs.mkdir(path.dirname(targetPath), { recursive: true });
      await fs.rename(stagedPath, targetPath);
    }
  }
  await fs.rm(path.join(stateDir, JOURNAL), { force: true });
}

/** Finishes an interrupted run's swaps, then removes whatever temporary folders runs left behind. */
export async function recover(outDir: string, stateDir: string): Promise<void> {
  const journalPath = path.join(stateDir, JOURNAL);
  if (await exists(journalPath)) {
    let journal: Journal | undefined;
    try {
      journal = JSON.parse(await fs.readFile(journalPath, 'utf8'));
    } catch {
      journal = undefined; // written by rename, so a torn journal cannot happen; a corrupt one is dropped
    }
    if (journal) await applyJournal(outDir, stateDir, journal);
    await fs.rm(journalPath, { force: true });
  }
  for (const entry of await fs.readdir(stateDir)) {
    if (entry.startsWith('staging-') || entry.startsWith('trash-') || entry === `${JOURNAL}.tmp`) {
      await fs.rm(path.join(stateDir, entry), { recursive: true, force: true });
    }
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}
