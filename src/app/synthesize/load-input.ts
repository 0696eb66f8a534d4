import * as path from 'path';
import { GitRemoteReader } from '../../io/git/git-remote-reader';
import { createGitServices } from '../../io/git/git-services';
import { GitSource } from '../../io/git/git-source';
import { ControlPlaneSource } from '../../io/source/control-plane-source';
import { FolderSource } from '../../io/source/folder-source';
import { LoadOptions, LoadResult, loadControlPlane } from '../../io/source/load';

export type { BranchFile, ControlPlaneSource, FileFilter } from '../../io/source/control-plane-source';
export type { LoadOptions, LoadResult } from '../../io/source/load';
export type { RemoteRepositoryReader, WorkloadFiles } from '../../io/source/workload-sources';
export { FolderSource } from '../../io/source/folder-source';
export { LoadUsageError } from '../../io/source/load';

/** How to reach a control plane kept in git. */
export interface GitLoadOptions extends LoadOptions {
  /**
   * Folder where remote repositories (the control plane, registered workloads) are mirrored and fetched incrementally.
   * @default "$XDG_CACHE_HOME/kalypso-cdk8s", else "~/.cache/kalypso-cdk8s"
   */
  readonly cache?: string;
  /**
   * A GitHub token, sent only to github.com over https and never written anywhere.
   * @default - none: public repositories, or git's own credential helpers
   */
  readonly token?: string;
  /**
   * The environment git runs with.
   * @default process.env
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Loads a control plane kept as a folder of branches (`<folder>/main/…`, `<folder>/<environment>/…`). */
export function loadFromFolder(folder: string, options: LoadOptions = {}): Promise<LoadResult> {
  return loadControlPlane(new FolderSource(path.resolve(folder)), options);
}

/**
 * Loads a control plane kept in git — a local repository or a URL (mirrored into `cache`) — reading `main` and each
 * environment's branch straight from git objects; registered workloads given by URL are fetched (shallow, cached).
 */
export async function loadFromGit(repository: string, options: GitLoadOptions = {}): Promise<LoadResult> {
  const { git, cache } = createGitServices(options.env ?? process.env, { token: options.token, cache: options.cache });
  const source = await GitSource.open(repository, { git, cache });
  return loadControlPlane(source, { remote: new GitRemoteReader(cache), ...options });
}

/** Loads a control plane from any source. */
export function loadFromSource(source: ControlPlaneSource, options: LoadOptions = {}): Promise<LoadResult> {
  return loadControlPlane(source, options);
}
