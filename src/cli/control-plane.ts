import * as fs from 'fs';
import * as path from 'path';
import { defaultCacheFolder, GitCache } from '../git/git-cache';
import { gitEnvironment, tokenUrlFor } from '../git/git-environment';
import { RepositoryKind, classifyRepository } from '../git/git-refs';
import { GitRemoteReader } from '../git/git-remote-reader';
import { GitRunner } from '../git/git-runner';
import { GitSource } from '../git/git-source';
import { ControlPlaneSource } from '../loader/control-plane-source';
import { FolderSource } from '../loader/folder-source';
import { RemoteRepositoryReader } from '../loader/workload-sources';
import { UsageError } from './exit';
import { CliIO } from './io';

/** git as the command line runs it: one runner, one cache, one token. */
export interface GitServices {
  readonly git: GitRunner;
  readonly cache: GitCache;
  /** `GITHUB_TOKEN`, when set. */
  readonly token?: string;
}

export interface GitServicesOptions {
  /** `--cache`; default under the user's cache folder. */
  readonly cache?: string;
  /** Web origin of the GitHub that receives `GITHUB_TOKEN` over https. @default 'https://github.com' */
  readonly githubOrigin?: string;
}

/**
 * The git runner and cache of a command: git's environment is the command's, with `GITHUB_TOKEN` sent only to the
 * GitHub host (`http.<origin>/.extraHeader`, in `GIT_CONFIG_*` variables) and scrubbed from every message.
 */
export function gitServices(io: CliIO, options: GitServicesOptions = {}): GitServices {
  const env = io.env ?? {};
  const token = env.GITHUB_TOKEN || undefined;
  const git = new GitRunner({
    env: gitEnvironment(io.env ?? process.env, { token, tokenUrls: [tokenUrlFor(options.githubOrigin ?? 'https://github.com')] }),
    secrets: token ? [token] : [],
  });
  const cache = new GitCache(options.cache ?? defaultCacheFolder(env), git);
  return { git, cache, token };
}

/**
 * The control plane `--control-plane` names: a git URL (mirrored into the cache), a local git repository (a bare
 * repository, or the top of a clone), or a folder of branches; and the reader for registered workloads. A folder with
 * a `main/` subfolder is a folder of branches even when it is also the top of a clone (a starter control plane kept
 * in git); a `file://` URL reads such a repository as git.
 */
export async function openControlPlane(location: string, services: GitServices): Promise<{ controlPlane: ControlPlaneSource; remote: RemoteRepositoryReader }> {
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
