import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from '../errors';

/**
 * Refuses an output folder that cannot be one: a file, or a path below a file. The message names the path and what to
 * do, where the file system would only say `EEXIST` or `ENOTDIR`.
 */
export function checkOutputFolder(out: string): void {
  for (let at = out; ; at = path.dirname(at)) {
    const stat = fs.statSync(at, { throwIfNoEntry: false });
    if (stat?.isDirectory()) return;
    if (stat) {
      const where = at === out ? `${out} is a file` : `${at} is a file, so ${out} cannot be a folder`;
      throw new UsageError(`--out ${where}; give a folder to write the trees into (new, or written by kalypso before)`);
    }
    if (path.dirname(at) === at) return;
  }
}
