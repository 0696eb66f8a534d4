import * as fs from 'fs';
import * as path from 'path';
import { defaultCacheFolder } from '../io/git/git-cache';
import { RepositoryKind, classifyRepository } from '../io/git/git-refs';
import { GitRemoteReader } from '../io/git/git-remote-reader';
import { GitServices, createGitServices } from '../io/git/git-services';
import { GitSource } from '../io/git/git-source';
import { ControlPlaneSource } from '../io/source/control-plane-source';
import { FolderSource } from '../io/source/folder-source';
import { RemoteRepositoryReader } from '../io/source/workload-sources';
import { UsageError } from './exit';
import { CliIO } from './io';

export type { GitServices } from '../io/git/git-services';

export interface GitServicesOptions {
  /** `--cache`; default under the user's cache folder. */
  readonly cache?: string;
  /** Web origin of the GitHub that receives `GITHUB_TOKEN` over https. @default 'https://github.com' */
  readonly githubOrigin?: string;
}

/**
 * The git runner and cache of a command: git's environment is the command's, with `GITHUB_TOKEN` sent only to the
 * GitHub host and scrubbed from every message.
 */
export function gitServices(io: CliIO, options: GitServicesOptions = {}): GitServices {
  const env = io.env ?? {};
  return createGitServices(io.env ?? process.env, {
    token: env.GITHUB_TOKEN || undefined,
    cache: options.cache ?? defaultCacheFolder(env),
    githubOrigin: options.githubOrigin,
  });
}

/**
 * The control plane `--control-plane` names: a git URL (mirrored into the cache), a local git repository (a bare
 * repository, or the top of a clone), or a folder of branches; and the reader for registered workloads. A folder with
 * a `main/` subfolder is a folder of branches even when it is also the top of a clone (a starter control plane kept
 * in git); a `file://` URL reads such a repository as git.
 */
export async function openControlPlane(
  location: string,
  services: GitServices,
): Promise<{ controlPlane: ControlPlaneSource; remote: RemoteRepositoryReader }> {
  const remote = new GitRemoteReader(services.cache);
  const kind = classifyRepository(location);
  if (kind.problem) throw new UsageError(`--control-plane ${JSON.stringify(location)} ${kind.problem}`);
  if (kind.kind === RepositoryKind.URL || (isRepositoryRoot(location) && !isFolderOfBranches(location))) {
    return { controlPlane: await GitSource.open(location, { git: services.git, cache: services.cache }), remote };
  }
  return { controlPlane: new FolderSource(location), remote };
}

/** A bare repository, or the top of a work tree; a folder inside a work tree is not one. */
export function isRepositoryRoot(folder: string): boolean {
  const exists = (name: string) => fs.existsSync(path.join(folder, name));
  return exists('.git') || (exists('HEAD') && exists('objects') && exists('refs'));
}

/** A folder laid out as `main/`, `<environment>/`…. */
export function isFolderOfBranches(folder: string): boolean {
  return fs.statSync(path.join(folder, 'main'), { throwIfNoEntry: false })?.isDirectory() === true;
}
