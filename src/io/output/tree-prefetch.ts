import { isAscii } from 'buffer';
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { CurrentTree, FolderTop, RECORDED, managedPart, readEntry, recordReader } from './current-tree';
import { FileIdentity, RecordFiles, TreeRecord, readTreeRecord, recordFileOf } from './tree-record';
import { ManagedScope, WHOLE_TREE } from '../../core/layout/managed-tree';

/*
 * Reading the output tree ahead, so that a re-run without changes does not wait for it
 * (docs/explanation/performance.md). The render cache is checked against the files of the existing tree, and
 * reading and hashing tens of thousands of files is most of a re-run. A worker thread starts reading them while this
 * thread loads the control plane; when this thread needs them, it reads the folders the worker has not claimed yet
 * itself. A folder not read completely is read again in this thread the usual way, so the result is always what
 * reading it here gives (test/io/output/tree-prefetch.test.ts).
 */

/** The worker script: the compiled `tree-prefetch-worker.js` beside this file (absent when running from TypeScript sources). */
export const PREFETCH_WORKER_SCRIPT = path.join(__dirname, 'tree-prefetch-worker.js');

export interface PrefetchRequest {
  readonly outDir: string;
  /** One Int32: the next task to claim, shared by the worker and this thread. */
  readonly claims: SharedArrayBuffer;
  /** The record of each environment's tree (tree-record.ts) is `before + environment + after`, when there are records. */
  readonly records?: RecordFiles;
}

/** A cluster-type folder to read: `[environment, folder]`. */
export type ReadAheadTask = readonly [string, string];
/**
 * A file the worker read: path, its bytes as `[start, end)` of the buffer it sends (-1, -1 when its identity is the
 * recorded one: not read), their hash, and, with records, its identity.
 */
export type ReadAheadFile = readonly [string, number, number, string, FileIdentity?];

/** The worker's first message: the environment folders' tops and the tasks. */
export interface PlanMessage {
  readonly kind: 'plan';
  readonly tops: Readonly<Record<string, FolderTop>>;
  readonly tasks: readonly ReadAheadTask[];
}

/** The worker's second message: the tasks it read (null: could not be read), with their bytes. */
export interface EntriesMessage {
  readonly kind: 'entries';
  readonly entries: readonly (readonly [number, readonly ReadAheadFile[] | null])[];
  readonly bytes: ArrayBuffer;
  readonly byteOffset: number;
  readonly byteLength: number;
}

/**
 * The managed part of an environment folder, and the content hashes of its files where known; with records, a file
 * found as recorded stands as `RECORDED` and its hash (as `readManagedFilesWithRecord` gives), and the identity of
 * every file is known.
 */
export interface PrefetchedTree extends CurrentTree {
  readonly hashes: ReadonlyMap<string, string>;
  readonly identities?: Map<string, FileIdentity>;
}

/** The environment folders of an output folder, read by a worker thread started by `start` (and this thread). */
export class TreePrefetch {
  /** Starts reading `outDir`; undefined when the worker script is not there (running from TypeScript sources). */
  public static start(
    outDir: string,
    script = PREFETCH_WORKER_SCRIPT,
    records?: RecordFiles,
  ): TreePrefetch | undefined {
    if (!fs.existsSync(script)) return undefined;
    return new TreePrefetch(outDir, script, records);
  }

  private readonly worker: Worker;
  private readonly counter: Int32Array;
  private readonly plan: Promise<PlanMessage | undefined>;
  private readonly entries: Promise<EntriesMessage | undefined>;
  /** Task → its files as read by this thread (null: could not be read). */
  private ownEntries: Map<number, DecodedEntry | null> | undefined;
  /** Task → its files as read by the worker, decoded. */
  private workerEntries: Map<number, DecodedEntry | null> | undefined;

  private constructor(
    private readonly outDir: string,
    script: string,
    private readonly records: RecordFiles | undefined,
  ) {
    const claims = new SharedArrayBuffer(4);
    this.counter = new Int32Array(claims);
    this.worker = new Worker(script, { workerData: { outDir, claims, records } satisfies PrefetchRequest });
    let gotPlan: (plan: PlanMessage | undefined) => void = () => undefined;
    let gotEntries: (entries: EntriesMessage | undefined) => void = () => undefined;
    this.plan = new Promise((resolve) => {
      gotPlan = resolve;
    });
    this.entries = new Promise((resolve) => {
      gotEntries = resolve;
    });
    this.worker.on('message', (message: PlanMessage | EntriesMessage) => {
      if (message.kind === 'plan') gotPlan(message);
      else gotEntries(message);
    });
    // Reading ahead only saves time: any failure means reading in this thread, as without it.
    const failed = () => {
      gotPlan(undefined);
      gotEntries(undefined);
    };
    this.worker.once('error', failed);
    this.worker.once('exit', failed);
  }

  /**
   * The managed part of an environment folder for a plan with `clusterTypes`, when it was read completely ahead;
   * undefined when it is to be read in this thread.
   */
  public async tree(
    environment: string,
    clusterTypes: readonly string[],
    scope: ManagedScope = WHOLE_TREE,
  ): Promise<PrefetchedTree | undefined> {
    const plan = await this.plan;
    const top = plan?.tops[environment];
    if (!plan || !top) return undefined;
    this.ownEntries ??= this.readUnclaimed(plan.tasks);
    const own = this.ownEntries;
    const fromWorker = await this.entries;
    if (!fromWorker) return undefined;
    this.workerEntries ??= decodeEntries(fromWorker);
    const entries = new Map<string, Map<string, string>>();
    const hashes = new Map<string, string>();
    const identities = new Map<string, FileIdentity>();
    plan.tasks.forEach(([taskEnvironment, folder], index) => {
      if (taskEnvironment !== environment) return;
      const files = own.get(index) ?? this.workerEntries!.get(index);
      if (!files) return;
      entries.set(folder, files.files);
      for (const [file, hash] of files.hashes ?? []) hashes.set(file, hash);
      for (const [file, identity] of files.identities ?? []) identities.set(file, identity);
    });
    const tree = managedPart({ ...top, entries }, clusterTypes, scope);
    if (!tree) return undefined;
    return this.records ? { ...tree, hashes, identities } : { ...tree, hashes };
  }

  public async close(): Promise<void> {
    await this.worker.terminate();
  }

  /** Claims the tasks the worker has not, and reads them in this thread. */
  private readUnclaimed(tasks: readonly ReadAheadTask[]): Map<number, DecodedEntry | null> {
    const read = new Map<number, DecodedEntry | null>();
    const records = new Map<string, TreeRecord>();
    for (let index = Atomics.add(this.counter, 0, 1); index < tasks.length; index = Atomics.add(this.counter, 0, 1)) {
      const [environment, folder] = tasks[index];
      const envDir = path.join(this.outDir, environment);
      try {
        if (!this.records) {
          read.set(index, { files: readEntry(envDir, folder) });
          continue;
        }
        let record = records.get(environment);
        if (!record) {
          record = readTreeRecord(recordFileOf(this.records, environment)) ?? new Map();
          records.set(environment, record);
        }
        const identities = new Map<string, FileIdentity>();
        read.set(index, { files: readEntry(envDir, folder, recordReader(envDir, record, identities)), identities });
      } catch {
        read.set(index, null);
      }
    }
    return read;
  }
}

/** A cluster-type folder's files, their hashes when the worker read them, and their identities with records. */
interface DecodedEntry {
  readonly files: Map<string, string>;
  readonly hashes?: ReadonlyMap<string, string>;
  readonly identities?: ReadonlyMap<string, FileIdentity>;
}

/** Bytes decoded at once: large enough to skip the young generation, small enough for any string length limit. */
const DECODE_CHUNK = 16 << 20;

/**
 * The worker's files as text. ASCII bytes (the usual manifest) are decoded a few megabytes at a time and each file is
 * a slice of that text: V8 makes no copy per file, and the garbage collector has only small slice objects to move;
 * other bytes are decoded file by file as UTF-8, as reading the file as text does.
 */
function decodeEntries(message: EntriesMessage): Map<number, DecodedEntry | null> {
  const bytes = Buffer.from(message.bytes, message.byteOffset, message.byteLength);
  let chunkStart = 0;
  let chunkText: string | null | undefined;
  const text = (start: number, end: number): string => {
    if (chunkText === undefined || end > chunkStart + (chunkText?.length ?? DECODE_CHUNK) || start < chunkStart) {
      chunkStart = start;
      const chunk = bytes.subarray(start, Math.min(bytes.length, Math.max(end, start + DECODE_CHUNK)));
      chunkText = isAscii(chunk) ? chunk.toString('latin1') : null;
    }
    return chunkText === null
      ? bytes.toString('utf8', start, end)
      : chunkText.substring(start - chunkStart, end - chunkStart);
  };
  const decoded = new Map<number, DecodedEntry | null>();
  for (const [index, files] of message.entries) {
    if (!files) {
      decoded.set(index, null);
      continue;
    }
    const texts = new Map<string, string>();
    const hashes = new Map<string, string>();
    const identities = new Map<string, FileIdentity>();
    for (const [file, start, end, hash, identity] of files) {
      texts.set(file, start < 0 ? `${RECORDED}${hash}` : text(start, end));
      hashes.set(file, hash);
      if (identity !== undefined) identities.set(file, identity);
    }
    decoded.set(index, { files: texts, hashes, identities });
  }
  return decoded;
}
