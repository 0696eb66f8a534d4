import { randomBytes } from 'crypto';
import * as fsSync from 'fs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { CurrentTree, readManagedFilesSync } from './current-tree';
import { PrefetchedTree, TreePrefetch } from './tree-prefetch';
import { ManagedScope, TreeChanges, WHOLE_TREE, diffTree } from '../../core/layout/managed-tree';
import { OutputError, OutputLock, acquireOutputLock } from './output-lock';
import { PROMOTED_COMMIT_FILE } from '../../core/layout/tree-layout';
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
  /**
   * The part of the managed tree this run may change (`--shard`): other cluster-type folders and, unless owned, the
   * promoted-commit file are left as they are.
   * @default - the whole managed tree
   */
  readonly scope?: ManagedScope;
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
  const output = await OutputFolder.open(outDir);
  try {
    return await output.write(trees);
  } finally {
    await output.close();
  }
}

/**
 * An output folder held by this run, from reading its current trees to writing the new ones: it is locked when opened
 * (after finishing the swaps of a run that was killed) until `close()`, so what was read is what is replaced.
 */
export class OutputFolder {
  /** Locks `outDir` (creating it) and completes or discards what a killed run left. */
  public static async open(outDir: string): Promise<OutputFolder> {
    await fs.mkdir(outDir, { recursive: true });
    const stateDir = path.join(outDir, STATE_DIR);
    const lock = await acquireOutputLock(stateDir);
    try {
      await recover(outDir, stateDir);
    } catch (e) {
      await lock.release();
      throw e;
    }
    return new OutputFolder(outDir, stateDir, lock);
  }

  /** Opens `outDir` as `open` does when it exists; undefined when it does not. */
  public static async openExisting(outDir: string): Promise<OutputFolder | undefined> {
    return fsSync.existsSync(outDir) ? OutputFolder.open(outDir) : undefined;
  }

  private readonly trees = new Map<string, CurrentTree & Partial<PrefetchedTree>>();
  private prefetch: TreePrefetch | undefined;

  private constructor(
    public readonly outDir: string,
    /** The folder of the runs' lock, journal, temporary files and render cache. */
    public readonly stateDir: string,
    private readonly lock: OutputLock,
  ) {}

  /** Starts reading the environment folders in a worker thread, for `read` to use (see tree-prefetch.ts). */
  public readAhead(): void {
    this.prefetch ??= TreePrefetch.start(this.outDir);
  }

  /**
   * The managed files of an environment's folder as they are now (read once per run): the folders of `clusterTypes`
   * and the cluster-type folders and promoted-commit file within `scope`; with the content hash of each file when it
   * was read ahead.
   */
  public async read(
    environment: string,
    clusterTypes: readonly string[],
    scope: ManagedScope = WHOLE_TREE,
  ): Promise<CurrentTree & Partial<PrefetchedTree>> {
    let tree = this.trees.get(environment);
    if (!tree) {
      const envDir = path.join(this.outDir, environment);
      checkEnvironmentFolder(envDir);
      tree =
        (await this.prefetch?.tree(environment, clusterTypes, scope)) ??
        readManagedFilesSync(envDir, clusterTypes, scope);
      this.trees.set(environment, tree);
    }
    return tree;
  }

  /** Makes each environment's folder equal its tree (see `writeOutput`). */
  public async write(trees: readonly TreeToWrite[]): Promise<WriteReport[]> {
    const { outDir, stateDir } = this;
    const runId = randomBytes(6).toString('hex');
    const staging = `staging-${runId}`;
    const operations: SwapOperation[] = [];
    const reports: WriteReport[] = [];
    for (const tree of trees) {
      const envDir = path.join(outDir, tree.environment);
      const scope = tree.scope ?? WHOLE_TREE;
      const current = await this.read(tree.environment, tree.clusterTypes, scope);
      const changes = diffTree(
        current.files,
        tree.files,
        tree.clusterTypes,
        tree.keep,
        tree.deleteStale ?? true,
        scope,
      );
      reports.push({ environment: tree.environment, changes });
      const touched = touchedEntries(changes);
      if (touched.length === 0) continue;
      const whole = current.unmanaged.length === 0;
      const files = filesPerEntry(tree, current.files, changes, whole);
      for (const entry of whole ? [''] : touched) {
        const staged = path.join(staging, tree.environment, entry);
        const { linked, written } = files.get(entry) ?? { linked: [], written: [] };
        const built = await stageEntry(envDir, path.join(stateDir, staged), entry, tree, linked, written);
        operations.push({ target: path.join(tree.environment, entry), staged: built ? staged : null });
      }
    }
    if (operations.length > 0) {
      const journal = { trash: `trash-${runId}`, operations };
      await this.lock.assertHeld();
      await writeJournal(stateDir, journal);
      await applyJournal(outDir, stateDir, journal);
      await recover(outDir, stateDir);
    }
    this.trees.clear();
    await this.stopReadingAhead();
    return reports;
  }

  /** Releases the lock; the state folder goes when nothing is left in it. */
  public async close(): Promise<void> {
    await this.stopReadingAhead();
    await this.lock.release();
    await fs.rmdir(this.stateDir).catch(() => undefined);
  }

  /** What was read ahead is stale once the folder has been written. */
  private async stopReadingAhead(): Promise<void> {
    const prefetch = this.prefetch;
    this.prefetch = undefined;
    await prefetch?.close();
  }
}

function checkEnvironmentFolder(envDir: string): void {
  try {
    const stat = fsSync.lstatSync(envDir);
    if (!stat.isDirectory()) throw new OutputError(`${envDir} exists and is not a folder; refusing to write there`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

/** Top-level entries (cluster-type folders, or the promoted-commit file) that change. */
function touchedEntries(changes: TreeChanges): string[] {
  const entries = new Set<string>();
  for (const file of [...changes.added, ...changes.changed, ...changes.deleted]) {
    entries.add(entryOf(file));
  }
  return [...entries].sort();
}

/** The top-level entry a file is in: its cluster-type folder, or the promoted-commit file itself. */
function entryOf(file: string): string {
  return file === PROMOTED_COMMIT_FILE ? PROMOTED_COMMIT_FILE : file.slice(0, file.indexOf('/'));
}

/**
 * Per top-level entry ('' for the whole folder), the files of the new version that stay as they are (hard-linked) and
 * those written.
 */
function filesPerEntry(
  tree: TreeToWrite,
  current: ReadonlyMap<string, string>,
  changes: TreeChanges,
  whole: boolean,
): Map<string, { linked: string[]; written: string[] }> {
  const perEntry = new Map<string, { linked: string[]; written: string[] }>();
  const add = (file: string, list: 'linked' | 'written') => {
    const entry = whole ? '' : entryOf(file);
    let files = perEntry.get(entry);
    if (!files) perEntry.set(entry, (files = { linked: [], written: [] }));
    files[list].push(file);
  };
  const deleted = new Set(changes.deleted);
  for (const file of changes.unchanged) add(file, 'linked');
  // Files the plan does not have but that stay: kept folders of failed assignments, or no stale deletion.
  for (const file of current.keys()) if (!(file in tree.files) && !deleted.has(file)) add(file, 'linked');
  for (const file of [...changes.added, ...changes.changed]) add(file, 'written');
  return perEntry;
}

/**
 * Builds the new version of `entry` (a top-level entry, or '' for the whole environment folder) in the staging
 * folder: files that stay are hard links to the current ones, new content is written. False when nothing remains.
 */
async function stageEntry(
  envDir: string,
  stagedDir: string,
  entry: string,
  tree: TreeToWrite,
  linked: readonly string[],
  written: readonly string[],
): Promise<boolean> {
  const destination = (file: string) => {
    if (entry === PROMOTED_COMMIT_FILE) return stagedDir;
    return path.join(stagedDir, entry === '' ? file : file.slice(entry.length + 1));
  };
  // A whole environment folder is always kept, even when empty; a cluster-type folder or file may go.
  if (entry === '') await fs.mkdir(stagedDir, { recursive: true });
  else if (linked.length === 0 && written.length === 0) return false;
  // Synchronous calls: tens of thousands of small files are written several times faster than with one promise each.
  const folders = new Set<string>();
  const prepare = (target: string) => {
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      fsSync.mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    return target;
  };
  for (const file of linked) linkOrCopy(path.join(envDir, file), prepare(destination(file)));
  for (const file of written) fsSync.writeFileSync(prepare(destination(file)), tree.files[file]);
  return true;
}

function linkOrCopy(source: string, destination: string): void {
  try {
    fsSync.linkSync(source, destination);
  } catch {
    const stat = fsSync.statSync(source);
    fsSync.copyFileSync(source, destination);
    fsSync.utimesSync(destination, stat.atime, stat.mtime);
  }
}
