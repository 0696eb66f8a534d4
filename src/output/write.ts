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
  readonly environment: string;
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

export interface WriteReport {
  readonly environment: string;
  readonly changes: TreeChanges;
}

/**
 * Makes `<outDir>/<environment>/` equal each plan, touching only managed paths (cluster-type folders and
 * `.github/tracking/Promoted_Commit_Id`). Unchanged files are not rewritten (their modification times stay); changed
 * folders are built beside the old ones and swapped in under a journal, so a run that dies leaves the old folders
 * and the next run completes or discards its work. Runs on one output folder exclude each other with a lock.
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
      const existing = await readManagedFiles(envDir, tree.clusterTypes);
      const changes = diffTree(existing, tree.files, tree.clusterTypes, tree.keep, tree.deleteStale ?? true);
      reports.push({ environment: tree.environment, changes });
      const touched = touchedEntries(changes);
      for (const entry of touched) {
        const staged = path.join(staging, tree.environment, entry);
        const built = await stageEntry(envDir, path.join(stateDir, staged), entry, tree, existing, changes);
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
 * Builds the new version of one top-level entry in the staging folder: unchanged and kept files are hard links to
 * the current ones (same inode, same modification time), new content is written. False when nothing remains.
 */
async function stageEntry(
  envDir: string, stagedDir: string, entry: string, tree: TreeToWrite,
  existing: ReadonlyMap<string, string>, changes: TreeChanges,
): Promise<boolean> {
  if (entry === PROMOTED_COMMIT_FILE) {
    const content = tree.files[PROMOTED_COMMIT_FILE];
    if (content === undefined) return false;
    await fs.mkdir(path.dirname(stagedDir), { recursive: true });
    await fs.writeFile(stagedDir, content);
    return true;
  }
  const prefix = `${entry}/`;
  const unchanged = new Set(changes.unchanged);
  const deleted = new Set(changes.deleted);
  const desired = Object.keys(tree.files).filter((file) => file.startsWith(prefix));
  const keptFiles = new Set([...existing.keys()].filter((file) => file.startsWith(prefix) && !(file in tree.files) && !deleted.has(file)));
  if (desired.length === 0 && keptFiles.size === 0) return false;
  for (const file of [...desired, ...keptFiles]) {
    const destination = path.join(stagedDir, file.slice(prefix.length));
    await fs.mkdir(path.dirname(destination), { recursive: true });
    if (unchanged.has(file) || keptFiles.has(file)) await linkOrCopy(path.join(envDir, file), destination);
    else await fs.writeFile(destination, tree.files[file]);
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

/**
 * The current files of the managed part of an environment folder (symbolic links read as changed content): the
 * folders of `clusterTypes`, folders holding Kalypso's cluster-type README, and the promoted-commit file. An absent
 * folder has no files.
 */
export async function readManagedFiles(envDir: string, clusterTypes: readonly string[]): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  let entries;
  try {
    entries = await fs.readdir(envDir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return files;
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
  for (const folder of managedFolders(readmes, clusterTypes)) {
    await readTree(envDir, folder, files);
  }
  try {
    files.set(PROMOTED_COMMIT_FILE, await fs.readFile(path.join(envDir, PROMOTED_COMMIT_FILE), 'utf8'));
  } catch {
    // no promoted commit yet
  }
  return files;
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
