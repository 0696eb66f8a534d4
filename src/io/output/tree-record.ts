import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/*
 * What a run wrote, so the next run need not read it back (docs/explanation/performance.md). After writing an
 * environment's tree, a run records each of its files' identity — size, inode and modification time in nanoseconds —
 * with the hash of the content it wrote. The next run looks at each file's identity (one lstat) and reads only the
 * files whose identity is not the recorded one: a file changed by anyone since (git checkout, an editor, another tool)
 * has a new inode or modification time. A program that rewrites a file in place keeping its size and sets its
 * modification time back, or rewrites it within the same tick of the file system's clock as kalypso wrote it, is not
 * seen; everything else is read and compared as without a record.
 *
 * The record lives beside the render cache, outside the output folder; like the cache, a record that does not parse,
 * fails its checksum or comes from another format is ignored, and its paths are only looked up among the files read
 * from disk, never used to name one.
 */

const FORMAT = 'kalypso-tree-record/1';

/** A file's identity on disk: `size:inode:mtimeNs`. */
export type FileIdentity = string;

/** Path (relative to the environment folder) → `[identity, content hash]`. */
export type TreeRecord = ReadonlyMap<string, readonly [FileIdentity, string]>;

/** Where the records of an output folder's trees are: `before + environment + after`. */
export interface RecordFiles {
  readonly before: string;
  readonly after: string;
}

/** The record of `environment`'s tree. */
export function recordFileOf(records: RecordFiles, environment: string): string {
  return `${records.before}${environment}${records.after}`;
}

export function identityOf(stat: fs.BigIntStats): FileIdentity {
  return `${stat.size}:${stat.ino}:${stat.mtimeNs}`;
}

/** The record in `file`; undefined when there is none or it cannot be trusted. */
export function readTreeRecord(file: string): TreeRecord | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.lastIndexOf('\n', text.length - 2);
  if (newline < 0 || !text.endsWith('\n')) return undefined;
  try {
    const body = text.slice(0, newline + 1);
    const trailer = JSON.parse(text.slice(newline + 1)) as { checksum?: unknown };
    if (trailer.checksum !== createHash('sha1').update(body).digest('base64')) return undefined;
    const { format, files } = JSON.parse(body) as { format?: unknown; files?: unknown };
    if (format !== FORMAT || !Array.isArray(files)) return undefined;
    const record = new Map<string, readonly [FileIdentity, string]>();
    for (const entry of files as unknown[]) {
      if (!Array.isArray(entry) || entry.length !== 3 || !entry.every((part) => typeof part === 'string')) continue;
      const [file, identity, hash] = entry as [string, string, string];
      record.set(file, [identity, hash]);
    }
    return record;
  } catch {
    return undefined;
  }
}

/** Writes the record, replacing the file in one rename. */
export function writeTreeRecord(file: string, record: TreeRecord): void {
  const files = [...record].map(([name, [identity, hash]]) => [name, identity, hash]);
  const body = `${JSON.stringify({ format: FORMAT, files })}\n`;
  const trailer = JSON.stringify({ checksum: createHash('sha1').update(body).digest('base64') });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${body}${trailer}\n`);
  fs.renameSync(temporary, file);
}

/** Removes the record (the tree is about to change in ways it would not describe). */
export function removeTreeRecord(file: string): void {
  fs.rmSync(file, { force: true });
}
