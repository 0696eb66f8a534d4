import * as fs from 'fs';
import * as path from 'path';
import { parentPort, workerData } from 'worker_threads';
import { contentHash } from '../../core/plan/content-hash';
import { ContentReader, FolderTop, readEntry, readFolderTop } from './current-tree';
import type { EntriesMessage, PlanMessage, PrefetchRequest, ReadAheadFile, ReadAheadTask } from './tree-prefetch';
import { CLUSTER_TYPE_README_TEXT } from '../../core/layout/names';

/*
 * The worker thread of tree-prefetch.ts. It lists the environment folders of the output folder and the cluster-type
 * folders in them (the tasks), sends the list, then reads the tasks it claims, taking turns with the main thread
 * through a shared counter. Contents travel as bytes in one transferred buffer (no copy), with the hash of each file
 * that the render cache checks: the sha1 of a file's bytes is the sha1 of its text whenever the file is valid UTF-8,
 * and when it is not, a mismatch only means rendering again.
 */

const { outDir, claims } = workerData as PrefetchRequest;
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
for (let index = Atomics.add(counter, 0, 1); index < tasks.length; index = Atomics.add(counter, 0, 1)) {
  const [environment, folder] = tasks[index];
  let files: Map<string, Buffer>;
  try {
    files = readEntry(path.join(outDir, environment), folder, asBytes);
  } catch {
    entries.push([index, null]);
    continue;
  }
  entries.push([
    index,
    [...files].map(([file, bytes]) => {
      chunks.push(bytes);
      length += bytes.length;
      return [file, length - bytes.length, length, contentHash(bytes)];
    }),
  ]);
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
