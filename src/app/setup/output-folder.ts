import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from '../errors';

/**
 * Refuses an output folder that cannot be one: a file, or a path below a file. The message names the path and what to
 * do, where the file system would only say `EEXIST` or `ENOTDIR`.
 */
export function checkOutputFolder(out: string): void {
  for (let at = out; ; at = path.dirname(at)) {
    const stat = statOrUndefined(at);
    if (stat?.isDirectory()) return;
    if (stat) {
      const where = at === out ? `${out} is a file` : `${at} is a file, so ${out} cannot be a folder`;
      throw new UsageError(`--out ${where}; give a folder to write the trees into (new, or written by kalypso before)`);
    }
    if (path.dirname(at) === at) return;
  }
}

/** The stat of a path, or undefined when it does not exist (also when a part of it is a file). */
function statOrUndefined(at: string): fs.Stats | undefined {
  try {
    return fs.statSync(at, { throwIfNoEntry: false });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw e;
  }
}
