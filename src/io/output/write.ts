import { randomBytes } from 'crypto';
import * as fsSync from 'fs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { contentHash } from '../../core/plan/content-hash';
import { contentBytes, knownContentHash, lazyContents } from '../../core/plan/lazy-files';
import { PROMOTED_COMMIT_FILE } from '../../core/layout/names';
import { CurrentTree, RECORDED, readManagedFilesSync, readManagedFilesWithRecord } from './current-tree';
import { FileIdentity, TreeRecord, identityOf, readTreeRecord, writeTreeRecord } from './tree-record';
import { PrefetchedTree, TreePrefetch } from './tree-prefetch';
import { ManagedScope, TreeChanges, WHOLE_TREE, diffTree } from '../../core/layout/managed-tree';
import { OutputError, OutputLock, acquireOutputLock } from './output-lock';
import { SwapOperation, applyJournal, isPlainRelativePath, recover, writeJournal } from './write-journal';
import { EnvironmentStagedAhead, StagedAhead, removeUnplanned } from './staged-ahead';

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
 * `.github/tracking/Promoted_Commit_Id`). Unchanged files are not rewritten. New content is written beside the tree
 * first, then moved into place by renames recorded in a journal (see write-journal.ts): each file is replaced by one
 * rename, so no file that stays is ever missing, the environment folder is never moved, and a run killed at any
 * moment leaves every file old or new, which the next run completes. Runs on one output folder exclude each other
 * with a lock.
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
    const created = await fs.mkdir(outDir, { recursive: true });
    const stateDir = path.join(outDir, STATE_DIR);
    const lock = await acquireOutputLock(stateDir);
    try {
      await recover(outDir, stateDir);
    } catch (e) {
      await lock.release();
      throw e;
    }
    return new OutputFolder(outDir, stateDir, lock, created);
  }

  /** Opens `outDir` as `open` does when it exists; undefined when it does not. */
  public static async openExisting(outDir: string): Promise<OutputFolder | undefined> {
    return fsSync.existsSync(outDir) ? OutputFolder.open(outDir) : undefined;
  }

  private readonly trees = new Map<string, CurrentTree & Partial<PrefetchedTree>>();
  /** Per environment read with a record: the identity of each file seen. */
  private readonly identities = new Map<string, ReadonlyMap<string, FileIdentity>>();
  private prefetch: TreePrefetch | undefined;
  private recordFile: ((environment: string) => string) | undefined;
  private stagedAhead: StagedAhead | undefined;
  private written = false;

  private constructor(
    public readonly outDir: string,
    /** The folder of the runs' lock, journal, temporary files and render cache. */
    public readonly stateDir: string,
    private readonly lock: OutputLock,
    /** The first folder `open` made on the way to `outDir` (with `outDir` itself), if it made any. */
    private readonly createdFrom?: string,
  ) {}

  /**
   * Keep a record of what each environment's tree holds in the file `recordFile(environment)` (see tree-record.ts),
   * written after each write and used by the next run to read only the files changed since.
   */
  public recordTrees(recordFile: (environment: string) => string): void {
    this.recordFile = recordFile;
  }

  /**
   * Starts reading the environment folders in a worker thread, for `read` to use (see tree-prefetch.ts); with a record
   * of the trees (`recordTrees` first), it only looks at the identity of the files recorded.
   */
  public readAhead(): void {
    const [before, after] = this.recordFile?.('\u0000').split('\u0000') ?? [];
    const records = before !== undefined && after !== undefined ? { before, after } : undefined;
    this.prefetch ??= TreePrefetch.start(this.outDir, undefined, records);
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
      const ahead = await this.prefetch?.tree(environment, clusterTypes, scope);
      const record = !ahead && this.recordFile && readTreeRecord(this.recordFile(environment));
      if (ahead?.identities) {
        this.identities.set(environment, ahead.identities);
        tree = ahead;
      } else if (ahead) {
        tree = ahead;
      } else if (record) {
        const read = readManagedFilesWithRecord(envDir, clusterTypes, scope, record);
        this.identities.set(environment, read.identities);
        tree = read;
      } else {
        tree = readManagedFilesSync(envDir, clusterTypes, scope);
      }
      this.trees.set(environment, tree);
    }
    return tree;
  }

  /**
   * Where the files of an environment's assignments may be staged while they render, before the plan is known (see
   * staged-ahead.ts): `write` uses those the plan writes; they are thrown away when the run does not write.
   */
  public stageAhead(environment: string): EnvironmentStagedAhead {
    this.stagedAhead ??= new StagedAhead(
      this.outDir,
      path.join(this.stateDir, `staging-${randomBytes(6).toString('hex')}`),
    );
    return this.stagedAhead.forEnvironment(environment);
  }

  /** Makes each environment's folder equal its tree (see `writeOutput`). */
  public async write(trees: readonly TreeToWrite[]): Promise<WriteReport[]> {
    const { outDir, stateDir } = this;
    this.written = true;
    const runId = randomBytes(6).toString('hex');
    let stagedAhead = this.stagedAhead;
    this.stagedAhead = undefined;
    if (stagedAhead?.abandoned) {
      // It may hold files nobody was told of: a folder staged whole must hold only the plan's files.
      stagedAhead.discard();
      stagedAhead = undefined;
    }
    const staging = stagedAhead ? path.basename(stagedAhead.stagingDir) : `staging-${runId}`;
    const operations: SwapOperation[] = [];
    const reports: WriteReport[] = [];
    const records: (() => void)[] = [];
    for (const tree of trees) {
      const scope = tree.scope ?? WHOLE_TREE;
      const current = await this.read(tree.environment, tree.clusterTypes, scope);
      const { desired, knownHashes, hashes } = comparable(current.files, tree.files);
      const changes = diffTree(current.files, desired, tree.clusterTypes, tree.keep, tree.deleteStale ?? true, scope);
      reports.push({ environment: tree.environment, changes });
      const written = [...changes.added, ...changes.changed];
      for (const file of [...written, ...changes.deleted]) assertTreePath(tree.environment, file);
      const staged = stageFiles(
        path.join(stateDir, staging, tree.environment),
        tree.files,
        written,
        stagedAhead?.take(tree.environment),
      );
      const recordFile = this.recordFile?.(tree.environment);
      // A record all of whose files were found as recorded and left as they are is still true.
      // (The promoted-commit file is always read as content, to tell which folders are managed.)
      const recordHolds =
        this.identities.has(tree.environment) &&
        written.length === 0 &&
        changes.deleted.length === 0 &&
        changes.unchanged.every((file) => knownHashes.has(file) || file === PROMOTED_COMMIT_FILE);
      if (recordFile && !recordHolds) {
        const seen = this.identities.get(tree.environment);
        const envDir = path.join(outDir, tree.environment);
        const files = [...written, ...changes.unchanged];
        records.push(() => writeTreeRecord(recordFile, newRecord(envDir, tree.files, files, staged, seen, hashes)));
      }
      // Removals first: a removed file or link may stand where a new folder goes.
      for (const file of changes.deleted) operations.push({ target: `${tree.environment}/${file}`, staged: null });
      for (const target of swapTargets(outDir, tree.environment, written)) {
        operations.push({ target, staged: `${staging}/${target}` });
      }
    }
    // Environments staged ahead but not written (none, unless a caller changed its mind) must not stay staged.
    stagedAhead?.discardUntaken();
    if (operations.length > 0) {
      const journal = { trash: `trash-${runId}`, operations };
      await this.lock.assertHeld();
      await writeJournal(stateDir, journal);
      await applyJournal(outDir, stateDir, journal);
      await recover(outDir, stateDir);
    } else {
      stagedAhead?.discard();
    }
    for (const record of records) record();
    this.trees.clear();
    this.identities.clear();
    await this.stopReadingAhead();
    return reports;
  }

  /** Releases the lock; the state folder goes when nothing is left in it. */
  public async close(): Promise<void> {
    await this.stopReadingAhead();
    this.stagedAhead?.discard();
    this.stagedAhead = undefined;
    await this.lock.release();
    await fs.rmdir(this.stateDir).catch(() => undefined);
    // Opened to stage ahead, then nothing written (the plan had errors): leave no folder that was not there.
    if (this.createdFrom !== undefined && !this.written) await removeEmptyFolders(this.outDir, this.createdFrom);
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

/** A planned path must be a plain relative path: nothing planned (or cached) may name a file outside its folder. */
function assertTreePath(environment: string, file: string): void {
  if (!isPlainRelativePath(environment) || environment.includes('/') || !isPlainRelativePath(file)) {
    throw new OutputError(
      `refusing to write ${JSON.stringify(`${environment}/${file}`)}: not a path inside the output folder`,
    );
  }
}

/**
 * What the journal renames into place: each file on its own, except where a folder does not exist at all yet (a new
 * environment, a new cluster type): that folder is staged whole and renamed in once, as nobody can see a part of it.
 */
function swapTargets(outDir: string, environment: string, written: readonly string[]): string[] {
  if (written.length === 0) return [];
  if (!fsSync.lstatSync(path.join(outDir, environment), { throwIfNoEntry: false })) return [environment];
  const absent = new Map<string, boolean>();
  const targets: string[] = [];
  for (const file of written) {
    const slash = file.indexOf('/');
    const top = slash < 0 ? undefined : file.slice(0, slash);
    if (top === undefined) {
      targets.push(`${environment}/${file}`);
      continue;
    }
    let isAbsent = absent.get(top);
    if (isAbsent === undefined) {
      isAbsent = !fsSync.lstatSync(path.join(outDir, environment, top), { throwIfNoEntry: false });
      absent.set(top, isAbsent);
      if (isAbsent) targets.push(`${environment}/${top}`);
    }
    if (!isAbsent) targets.push(`${environment}/${file}`);
  }
  return targets;
}

/**
 * Writes the new content of `files` under `stagedDir`, where the journal's renames take them from, except those staged
 * ahead with that content (`ahead`, whose other files are removed); returns each file's identity (a rename keeps it).
 */
function stageFiles(
  stagedDir: string,
  content: Readonly<Record<string, string>>,
  files: readonly string[],
  ahead: Map<string, FileIdentity> | undefined,
): Map<string, FileIdentity> {
  // Synchronous calls: tens of thousands of small files are written several times faster than with one promise each.
  const folders = new Set<string>();
  const identities = new Map<string, FileIdentity>();
  for (const file of files) {
    const stagedAhead = ahead?.get(file);
    if (stagedAhead !== undefined) {
      identities.set(file, stagedAhead);
      ahead!.delete(file);
      continue;
    }
    const target = path.join(stagedDir, file);
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      fsSync.mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    const descriptor = fsSync.openSync(target, 'w');
    try {
      fsSync.writeFileSync(descriptor, contentBytes(content, file));
      identities.set(file, identityOf(fsSync.fstatSync(descriptor, { bigint: true })));
    } finally {
      fsSync.closeSync(descriptor);
    }
  }
  if (ahead && ahead.size > 0) removeUnplanned(stagedDir, ahead.keys());
  return identities;
}

/** Removes `outDir` and the folders above it up to `from`, each only when empty. */
async function removeEmptyFolders(outDir: string, from: string): Promise<void> {
  const top = path.resolve(from);
  for (let folder = path.resolve(outDir); ; folder = path.dirname(folder)) {
    try {
      await fs.rmdir(folder);
    } catch {
      return;
    }
    if (folder === top || path.dirname(folder) === folder) return;
  }
}

/** What `comparable` gives as the planned content of a file that does not exist yet (`diffTree` adds it unread). */
const ABSENT = '';

/**
 * The planned tree as `diffTree` compares it with the current one, reading as little as it can: a file whose current
 * content is known by its hash (recorded, see tree-record.ts) and equals the planned content's stands as the current
 * marker, and planned content whose hash is known without reading it (from the render cache, see
 * src/core/plan/lazy-files.ts) is compared by hash, so it is read only when it must be written. Also gives the
 * hashes known of recorded files found unchanged, and of every file compared by hash.
 */
function comparable(
  current: ReadonlyMap<string, string>,
  planned: Readonly<Record<string, string>>,
): { desired: Record<string, string>; knownHashes: Map<string, string>; hashes: Map<string, string> } {
  const desired: Record<string, string> = {};
  const knownHashes = new Map<string, string>();
  const hashes = new Map<string, string>();
  const lazy = lazyContents(planned);
  for (const file of Object.keys(planned)) {
    const have = current.get(file);
    const known = lazy?.get(file)?.hash;
    if (have !== undefined && (known !== undefined || have.startsWith(RECORDED))) {
      const recorded = have.startsWith(RECORDED) ? have.slice(RECORDED.length) : undefined;
      const plannedHash = known ?? contentHash(planned[file]);
      if (plannedHash === (recorded ?? contentHash(have))) {
        desired[file] = have;
        if (recorded !== undefined) knownHashes.set(file, recorded);
        hashes.set(file, plannedHash);
        continue;
      }
    }
    // A file that is not there is added whatever its content: planned content is read only to be written.
    desired[file] = have === undefined ? ABSENT : planned[file];
  }
  return { desired, knownHashes, hashes };
}

/** The record of an environment's tree once written: each planned file's identity and the hash of its content. */
function newRecord(
  envDir: string,
  planned: Readonly<Record<string, string>>,
  files: readonly string[],
  staged: ReadonlyMap<string, FileIdentity>,
  seen: ReadonlyMap<string, FileIdentity> | undefined,
  knownHashes: ReadonlyMap<string, string>,
): TreeRecord {
  const record = new Map<string, readonly [FileIdentity, string]>();
  for (const file of files) {
    // (`in`: reading the content of a file the render cache gave would read it from the cache)
    if (!(file in planned)) continue;
    let identity = staged.get(file) ?? seen?.get(file);
    if (identity === undefined) {
      const stat = fsSync.lstatSync(path.join(envDir, file), { bigint: true, throwIfNoEntry: false });
      if (!stat?.isFile()) continue;
      identity = identityOf(stat);
    }
    record.set(file, [
      identity,
      knownHashes.get(file) ?? knownContentHash(planned, file) ?? contentHash(planned[file]),
    ]);
  }
  return record;
}
