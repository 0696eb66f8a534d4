import { promises as fs } from 'fs';
import * as path from 'path';
import { UsageError } from '../errors';
import { STARTER_CONTROL_PLANE } from './starter-control-plane';

/**
 * Writes the starter control plane into `root` (new or empty): a folder of branches that synthesizes as it is, every
 * file commented. A folder that holds anything, or a path that is not a folder, is refused; nothing is overwritten.
 * Returns the files written, relative to `root`, sorted.
 */
export async function initControlPlane(root: string): Promise<string[]> {
  return writeStarter(root, STARTER_CONTROL_PLANE);
}

/**
 * Writes `files` (relative path → content) into `root`, new or empty, never overwriting; returns the paths written,
 * sorted.
 */
export async function writeStarter(root: string, files: Readonly<Record<string, string>>): Promise<string[]> {
  await checkEmptyFolder(root);
  const names = Object.keys(files).sort();
  for (const file of names) {
    const target = path.join(root, file);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, files[file], { flag: 'wx' });
  }
  return names;
}

/** Refuses a path that is not a folder, or a folder that holds anything: init never overwrites. */
async function checkEmptyFolder(root: string): Promise<void> {
  let entries: string[];
  try {
    entries = await fs.readdir(root);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw new UsageError(`${root} exists and is not a folder`);
    throw e;
  }
  if (entries.length > 0)
    throw new UsageError(`${root} is not empty; init writes only into a new or empty folder and never overwrites`);
}
