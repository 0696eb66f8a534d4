import { promises as fs } from 'fs';
import * as path from 'path';
import { BranchFile } from './control-plane-source';
import { readFolder } from './folder-source';
import { yamlFileFilter } from './read-documents';

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

/** Thrown for a registration whose workload cannot be read; the message names what was tried. */
export class WorkloadSourceError extends Error {}

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
  const root = path.resolve(folder);
  const target = path.resolve(root, workloadPath || '.');
  if (target !== root && !target.startsWith(`${root}${path.sep}`)) {
    throw new WorkloadSourceError(`path ${JSON.stringify(workloadPath)} leaves the repository folder`);
  }
  let stat;
  try {
    stat = await fs.stat(target);
  } catch {
    throw new WorkloadSourceError(`${JSON.stringify(workloadPath)} does not exist in ${folder}`);
  }
  const relative = path.relative(root, target).split(path.sep).join('/');
  if (stat.isFile()) {
    const tooLarge = maxFileBytes !== undefined && stat.size > maxFileBytes;
    const file = tooLarge
      ? { path: relative, content: Buffer.alloc(0), size: stat.size }
      : { path: relative, content: await fs.readFile(target) };
    return { files: [file], prefix };
  }
  const files = await readFolder(target, yamlFileFilter(maxFileBytes));
  return { files: files.map((file) => ({ ...file, path: relative ? `${relative}/${file.path}` : file.path })), prefix };
}
