import { promises as fs } from 'fs';
import * as path from 'path';
import { BranchFile } from './control-plane-source';
import { isInside, readFolder, realPathOf } from './folder-source';
import { Problem } from '../../core/model/problems';
import { redactUrlCredentials } from '../git/secrets';
import { ignoreFileProblems, yamlFileFilter } from './read-documents';

/** Reads `path` of a remote repository at `branch` (a file, or a folder read recursively). Supplied by the git module. */
export interface RemoteRepositoryReader {
  /** The YAML files of `path` (a file, or a folder read recursively) of the repository at `url`, on `branch`. */
  read(url: string, branch: string, path: string): Promise<WorkloadFiles>;
}

/** The YAML files holding a registered workload, and how to name them in messages. */
export interface WorkloadFiles {
  /** The files, with paths relative to the repository. */
  readonly files: readonly BranchFile[];
  /** Prefix of file names in messages, e.g. `https://github.com/org/app@main` or a local folder. */
  readonly prefix: string;
  /** What was wrong with the files read (a `.sourceignore` line that cannot be used), named with `prefix`. */
  readonly problems?: Problem[];
}

/** A repository URL (scheme:// or scp-like `git@host:path`), as opposed to a local path. */
export function isRepositoryUrl(repo: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(repo) || /^[^/\\:@]+@[^/\\:]+:/.test(repo);
}

/** `https://github.com/org/app.git/` and `https://github.com/org/app` name the same repository. */
export function normalizeRepositoryUrl(url: string): string {
  return url
    .trim()
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');
}

/**
 * Thrown for a registration whose workload cannot be read; the message names what was tried, with any credentials
 * written into a URL redacted.
 */
export class WorkloadSourceError extends Error {
  public constructor(message: string) {
    super(redactUrlCredentials(message));
  }
}

/**
 * Reads the files of a registered workload from a local folder: `path` inside `folder`, a file or a folder read
 * recursively like Flux would. `path` may not leave the folder.
 */
export async function readLocalWorkload(
  folder: string,
  workloadPath: string,
  prefix: string,
  maxFileBytes?: number,
): Promise<WorkloadFiles> {
  const root = realPathOf(path.resolve(folder));
  if (!root) throw new WorkloadSourceError(`folder ${folder} does not exist`);
  const lexical = path.resolve(root, workloadPath || '.');
  if (!isInside(root, lexical)) {
    throw new WorkloadSourceError(`path ${JSON.stringify(workloadPath)} leaves the repository folder`);
  }
  const target = realPathOf(lexical);
  if (!target) throw new WorkloadSourceError(`${JSON.stringify(workloadPath)} does not exist in ${folder}`);
  if (!isInside(root, target)) {
    throw new WorkloadSourceError(
      `path ${JSON.stringify(workloadPath)} leaves the repository folder through a symbolic link`,
    );
  }
  const stat = await fs.stat(target);
  if (!stat.isFile() && !stat.isDirectory()) {
    throw new WorkloadSourceError(`path ${JSON.stringify(workloadPath)} is neither a file nor a folder`);
  }
  const relative = path.relative(root, target).split(path.sep).join('/');
  if (stat.isFile()) {
    const tooLarge = maxFileBytes !== undefined && stat.size > maxFileBytes;
    const file = tooLarge
      ? { path: relative, content: Buffer.alloc(0), size: stat.size }
      : { path: relative, content: await fs.readFile(target) };
    return { files: [file], prefix };
  }
  const filter = yamlFileFilter(maxFileBytes);
  const files = await readFolder(target, filter);
  return {
    files: files.map((file) => ({ ...file, path: relative ? `${relative}/${file.path}` : file.path })),
    prefix,
    problems: ignoreFileProblems(filter, relative ? `${prefix}/${relative}` : prefix),
  };
}
