import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { managedFolders, diffTree, TreeChanges } from './managed-tree';
import { OutputError, acquireOutputLock } from './output-lock';
import { CLUSTER_TYPE_README, PROMOTED_COMMIT_FILE } from './plan';
import { SwapOperation, applyJournal, recover, writeJournal } from './write-journal';

/** Folder inside the output folder where runs keep their lock, journal and temporary files. */
export const STATE_DIR = '.kalypso';

/** What one environment's tree should become. */
export interface TreeToWrite {
  /** The environment; its tree goes to `<outDir>/<environment>/`. */
  readonly environment: string;
  /** Relative path → content. */
  readonly files: Readonly<Record<string, string>>;
  /** Cluster type folders the plan owns. */
  readonly clusterTypes: readonly string[];
  /** Assignment folders whose previous files are kept (failed assignments, with `--keep-going`). */
  readonly keep?: readonly string[];
  /**
   * Remove managed files the plan no longer has.
   * @default true - false when the plan is known to be incomplete (input errors with `--keep-going`)
   */
  readonly deleteStale?: boolean;
}

/** What writing changed in one environment's folder. */
export interface WriteReport {
  /** The environment. */
  readonly environment: string;
  /** Files added, changed, deleted and left as they were. */
  readonly changes: TreeChanges;
}

/**
 * Makes `<outDir>/<environment>/` equal each plan, touching only managed paths (cluster-type folders and
 * `.github/tracking/Promoted_Commit_Id`). Unchanged files are not rewritten: the new version is built beside the old
 * one from hard links (same inode, same modification time) and new content, then swapped in by renames recorded in a
 * journal first, so a run killed at any moment leaves the old version (or the next run completes the new one).
 * An environment folder holding only managed content is swapped whole, so readers see the old tree or the new tree,
 * never a mix; one that also holds other files (a git checkout, say) has its changed cluster-type folders swapped one
 * by one. Runs on one output folder exclude each other with a lock.
 */
export async function writeOutput(outDir: string, trees: readonly TreeToWrite[]): Promise<WriteReport[]> {
  await fs.mkdir(outDir, { recursive: true });
  const stateDir = path.join(outDir, STATE_DIR);
  const release = await acquireOutputLock(stateDir);
  try {
    await recover(outDir, stateDir);
    const runId = randomBytes(6).toString('hex');
    const staging = `staging-${runId}`;
    const operations: SwapOperation[] = [];
    const reports: WriteReport[] = [];
    for (const tree of trees) {
      const envDir = path.join(outDir, tree.environment);
      await checkEnvironmentFolder(envDir);
      const current = await readManagedFiles(envDir, tree.clusterTypes);
      const changes = diffTree(current.files, tree.files, tree.clusterTypes, tree.keep, tree.deleteStale ?? true);
      reports.push({ environment: tree.environment, changes });
      const touched = touchedEntries(changes);
      if (touched.length === 0) continue;
      const entries = current.unmanaged.length === 0 ? [''] : touched;
      for (const entry of entries) {
        const staged = path.join(staging, tree.environment, entry);
        const built = await stageEntry(envDir, path.join(stateDir, staged), entry, tree, current.files, changes);
        operations.push({ target: path.join(tree.environment, entry), staged: built ? staged : null });
      }
    }
    if (operations.length > 0) {
      const journal = { trash: `trash-${runId}`, operations };
      await writeJournal(stateDir, journal);
      await applyJournal(outDir, stateDir, journal);
      await recover(outDir, stateDir);
    }
    return reports;
  } finally {
    await release();
    await fs.rmdir(stateDir).catch(() => undefined);
  }
}

async function checkEnvironmentFolder(envDir: string): Promise<void> {
  try {
    const stat = await fs.lstat(envDir);
    if (!stat.isDirectory()) throw new OutputError(`${envDir} exists and is not a folder; refusing to write there`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

/** Top-level entries (cluster-type folders, or the promoted-commit file) that change. */
function touchedEntries(changes: TreeChanges): string[] {
  const entries = new Set<string>();
  for (const file of [...changes.added, ...changes.changed, ...changes.deleted]) {
    entries.add(file === PROMOTED_COMMIT_FILE ? PROMOTED_COMMIT_FILE : file.slice(0, file.indexOf('/')));
  }
  return [...entries].sort();
}

/**
 * Builds the new version of `entry` (a top-level entry, or '' for the whole environment folder) in the staging
 * folder: files that stay are hard links to the current ones, new content is written. False when nothing remains.
 */
async function stageEntry(
  envDir: string, stagedDir: string, entry: string, tree: TreeToWrite,
  current: ReadonlyMap<string, string>, changes: TreeChanges,
): Promise<boolean> {
  const inEntry = (file: string) => entry === '' || file === entry || file.startsWith(`${entry}/`);
  const destination = (file: string) => {
    if (entry === PROMOTED_COMMIT_FILE) return stagedDir;
    return path.join(stagedDir, entry === '' ? file : file.slice(entry.length + 1));
  };
  const deleted = new Set(changes.deleted);
  const linked = new Set([
    ...changes.unchanged,
    ...[...current.keys()].filter((file) => !(file in tree.files) && !deleted.has(file)),
  ].filter(inEntry));
  const written = [...changes.added, ...changes.changed].filter(inEntry);
  // A whole environment folder is always kept, even when empty; a cluster-type folder or file may go.
  if (entry === '') await fs.mkdir(stagedDir, { recursive: true });
  else if (linked.size === 0 && written.length === 0) return false;
  for (const file of [...linked, ...written]) {
    const target = destination(file);
    await fs.mkdir(path.dirname(target), { recursive: true });
    if (linked.has(file)) await linkOrCopy(path.join(envDir, file), target);
    else await fs.writeFile(target, tree.files[file]);
  }
  return true;
}

async function linkOrCopy(source: string, destination: string): Promise<void> {
  try {
    await fs.link(source, destination);
  } catch {
    const stat = await fs.stat(source);
    await fs.copyFile(source, destination);
    await fs.utimes(destination, stat.atime, stat.mtime);
  }
}

interface CurrentTree {
  /** Managed files and their content (symbolic links and other special files read as changed content). */
  readonly files: Map<string, string>;
  /** Top-level entries that are not managed: anything there means the folder is not only ours. */
  readonly unmanaged: string[];
}

/**
 * The current files of the managed part of an environment folder (symbolic links read as changed content): the
 * folders of `clusterTypes`, folders holding Kalypso's cluster-type README, and the promoted-commit file; and what
 * else the folder holds. An absent folder has no files.
 */
export async function readManagedFiles(envDir: string, clusterTypes: readonly string[]): Promise<CurrentTree> {
  const files = new Map<string, string>();
  let entries;
  try {
    entries = await fs.readdir(envDir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { files, unmanaged: [] };
    throw e;
  }
  const readmes = new Map<string, string>();
  for (const entry of entries.filter((e) => e.isDirectory() && !e.name.startsWith('.'))) {
    try {
      readmes.set(`${entry.name}/${CLUSTER_TYPE_README}`, await fs.readFile(path.join(envDir, entry.name, CLUSTER_TYPE_README), 'utf8'));
    } catch {
      // not a cluster-type folder
    }
  }
  const folders = managedFolders(readmes, clusterTypes);
  for (const folder of folders) {
    await readTree(envDir, folder, files);
  }
  try {
    files.set(PROMOTED_COMMIT_FILE, await fs.readFile(path.join(envDir, PROMOTED_COMMIT_FILE), 'utf8'));
  } catch {
    // no promoted commit yet
  }
  const unmanaged = entries.map((entry) => entry.name).filter((name) => !folders.has(name));
  if (unmanaged.includes('.github') && !(await holdsOnly(path.join(envDir, '.github'), PROMOTED_COMMIT_FILE.slice('.github/'.length)))) {
    return { files, unmanaged };
  }
  return { files, unmanaged: unmanaged.filter((name) => name !== '.github') };
}

/** Whether `folder` holds nothing but the file at `relative` (and the folders leading to it). */
async function holdsOnly(folder: string, relative: string): Promise<boolean> {
  const [head, ...rest] = relative.split('/');
  const entries = await fs.readdir(folder, { withFileTypes: true });
  if (entries.length !== 1 || entries[0].name !== head) return false;
  if (rest.length === 0) return entries[0].isFile();
  return entries[0].isDirectory() && holdsOnly(path.join(folder, head), rest.join('/'));
}

async function readTree(root: string, relative: string, files: Map<string, string>): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(path.join(root, relative), { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') {
      files.set(`${relative}/`, '\u0000not a folder');
      return;
    }
    throw e;
  }
  for (const entry of entries) {
    const child = `${relative}/${entry.name}`;
    if (entry.isDirectory()) await readTree(root, child, files);
    else if (entry.isFile()) files.set(child, await fs.readFile(path.join(root, child), 'utf8'));
    else files.set(child, '\u0000not a regular file');
  }
}
