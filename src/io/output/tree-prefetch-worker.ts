import * as fs from 'fs';
import * as path from 'path';
import { parentPort, workerData } from 'worker_threads';
import { contentHash } from '../../core/plan/content-hash';
import { ContentReader, FolderTop, readEntry, readFolderTop } from './current-tree';
import type { EntriesMessage, PlanMessage, PrefetchRequest, ReadAheadFile, ReadAheadTask } from './tree-prefetch';
import { TreeRecord, identityOf, readTreeRecord, recordFileOf } from './tree-record';
import { CLUSTER_TYPE_README_TEXT } from '../../core/layout/names';

/*
 * The worker thread of tree-prefetch.ts. It lists the environment folders of the output folder and the cluster-type
 * folders in them (the tasks), sends the list, then reads the tasks it claims, taking turns with the main thread
 * through a shared counter. Contents travel as bytes in one transferred buffer (no copy), with the hash of each file
 * that the render cache checks: the sha1 of a file's bytes is the sha1 of its text whenever the file is valid UTF-8,
 * and when it is not, a mismatch only means rendering again.
 */

const { outDir, claims, records } = workerData as PrefetchRequest;
const counter = new Int32Array(claims);

const tops: Record<string, FolderTop> = {};
const tasks: ReadAheadTask[] = [];
for (const [environment, top] of environmentFolders(outDir)) {
  tops[environment] = top;
  // Only folders that are Kalypso's for certain: whatever else the folder holds (a checkout's other folders) is left
  // to the main thread, which reads it only if the plan says it is managed.
  for (const [readme, text] of top.readmes)
    if (text === CLUSTER_TYPE_README_TEXT) tasks.push([environment, readme.split('/')[0]]);
}
parentPort!.postMessage({ kind: 'plan', tops, tasks } satisfies PlanMessage);

const chunks: Buffer[] = [];
let length = 0;
const asBytes: ContentReader<Buffer> = {
  file: (absolute) => fs.readFileSync(absolute),
  special: (marker) => Buffer.from(marker),
};
const entries: [number, ReadAheadFile[] | null][] = [];
const treeRecords = new Map<string, TreeRecord>();
for (let index = Atomics.add(counter, 0, 1); index < tasks.length; index = Atomics.add(counter, 0, 1)) {
  const [environment, folder] = tasks[index];
  const envDir = path.join(outDir, environment);
  try {
    entries.push([index, records ? readWithRecord(envDir, folder, recordOf(environment)) : readAll(envDir, folder)]);
  } catch {
    entries.push([index, null]);
  }
}
const bytes = Buffer.concat(chunks, length);
parentPort!.postMessage(
  {
    kind: 'entries',
    entries,
    bytes: bytes.buffer,
    byteOffset: bytes.byteOffset,
    byteLength: length,
  } satisfies EntriesMessage,
  [bytes.buffer],
);

function readAll(envDir: string, folder: string): ReadAheadFile[] {
  return [...readEntry(envDir, folder, asBytes)].map(([file, bytes]) => {
    chunks.push(bytes);
    length += bytes.length;
    return [file, length - bytes.length, length, contentHash(bytes)];
  });
}

/** A file whose identity is the recorded one is not read (as `readManagedFilesWithRecord` does). */
function readWithRecord(envDir: string, folder: string, record: TreeRecord): ReadAheadFile[] {
  const found: ReadAheadFile[] = [];
  const prefix = envDir.length + 1;
  const reader: ContentReader<ReadAheadFile> = {
    file: (absolute) => {
      const relative = absolute.slice(prefix).split(path.sep).join('/');
      const identity = identityOf(fs.lstatSync(absolute, { bigint: true }));
      const recorded = record.get(relative);
      if (recorded && recorded[0] === identity) return [relative, -1, -1, recorded[1], identity];
      const bytes = fs.readFileSync(absolute);
      chunks.push(bytes);
      length += bytes.length;
      return [relative, length - bytes.length, length, contentHash(bytes), identity];
    },
    special: (marker) => {
      const bytes = Buffer.from(marker);
      chunks.push(bytes);
      length += bytes.length;
      return ['', length - bytes.length, length, contentHash(bytes)];
    },
  };
  for (const [file, read] of readEntry(envDir, folder, reader)) found.push([file, read[1], read[2], read[3], read[4]]);
  return found;
}

function recordOf(environment: string): TreeRecord {
  let record = treeRecords.get(environment);
  if (!record) {
    record = readTreeRecord(recordFileOf(records!, environment)) ?? new Map();
    treeRecords.set(environment, record);
  }
  return record;
}

/** Subfolders that look like environment folders (a promoted-commit file, or a Kalypso cluster-type folder), with their tops. */
function environmentFolders(root: string): [string, FolderTop][] {
  let dirents: fs.Dirent[];
  try {
    dirents = fs.readdirSync(root, { withFileTypes: true });
  } catch {
    return [];
  }
  const folders: [string, FolderTop][] = [];
  for (const dirent of dirents) {
    if (!dirent.isDirectory() || dirent.name.startsWith('.')) continue;
    let top: FolderTop;
    try {
      top = readFolderTop(path.join(root, dirent.name), { tolerant: true, checkGitHub: true });
    } catch {
      continue;
    }
    if (top.promotedCommit !== undefined || [...top.readmes.values()].includes(CLUSTER_TYPE_README_TEXT))
      folders.push([dirent.name, top]);
  }
  return folders;
}
