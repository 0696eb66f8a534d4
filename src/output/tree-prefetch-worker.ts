import { hash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { parentPort, workerData } from 'worker_threads';
import { ContentReader, FolderTop, readEntry, readFolderTop } from './current-tree';
import type { EntriesMessage, PlanMessage, PrefetchRequest, ReadAheadFile, ReadAheadTask } from './tree-prefetch';
import { CLUSTER_TYPE_README_TEXT, PROMOTED_COMMIT_FILE } from './tree-layout';

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
for (const environment of environmentFolders(outDir)) {
  const top = readFolderTop(path.join(outDir, environment), { tolerant: true, checkGitHub: true });
  tops[environment] = top;
  // Only folders that are Kalypso's for certain: whatever else the folder holds (a checkout's other folders) is left
  // to the main thread, which reads it only if the plan says it is managed.
  for (const [readme, text] of top.readmes) if (text === CLUSTER_TYPE_README_TEXT) tasks.push([environment, readme.split('/')[0]]);
}
parentPort!.postMessage({ kind: 'plan', tops, tasks } satisfies PlanMessage);

const chunks: Buffer[] = [];
let length = 0;
const asBytes: ContentReader<Buffer> = { file: (absolute) => fs.readFileSync(absolute), special: (marker) => Buffer.from(marker) };
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
  entries.push([index, [...files].map(([file, bytes]) => {
    chunks.push(bytes);
    length += bytes.length;
    return [file, length - bytes.length, length, hash('sha1', bytes, 'base64')];
  })]);
}
const bytes = Buffer.concat(chunks, length);
parentPort!.postMessage({ kind: 'entries', entries, bytes: bytes.buffer, byteOffset: bytes.byteOffset, byteLength: length } satisfies EntriesMessage, [bytes.buffer]);

/** Subfolders that look like environment folders: holding a promoted-commit file or a Kalypso cluster-type folder. */
function environmentFolders(root: string): string[] {
  let dirents: fs.Dirent[];
  try {
    dirents = fs.readdirSync(root, { withFileTypes: true });
  } catch {
    return [];
  }
  return dirents.filter((dirent) => dirent.isDirectory() && !dirent.name.startsWith('.')).map((dirent) => dirent.name).filter((name) => {
    const folder = path.join(root, name);
    if (fs.existsSync(path.join(folder, PROMOTED_COMMIT_FILE))) return true;
    try {
      return fs.readdirSync(folder, { withFileTypes: true }).some((dirent) => dirent.isDirectory()
        && readText(path.join(folder, dirent.name, 'README.md')) === CLUSTER_TYPE_README_TEXT);
    } catch {
      return false;
    }
  });
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
