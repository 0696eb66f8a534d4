import * as fs from 'fs';
import * as path from 'path';
import { RepositoryKind, classifyRepository } from '../../io/git/git-refs';
import { GitRemoteReader } from '../../io/git/git-remote-reader';
import { GitSource } from '../../io/git/git-source';
import { ControlPlaneSource } from '../../io/source/control-plane-source';
import { FolderSource } from '../../io/source/folder-source';
import { RemoteRepositoryReader } from '../../io/source/workload-sources';
import { UsageError } from '../errors';
import { GitServices } from './git-services';

export type { ControlPlaneSource } from '../../io/source/control-plane-source';

/**
 * Where `--control-plane` points: a path on this machine resolved against `cwd`, a URL unchanged. Text git could read
 * as an option or a transport is a usage error.
 */
export function resolveControlPlaneLocation(location: string, cwd: string): string {
  const kind = classifyRepository(location);
  if (kind.problem) throw new UsageError(`--control-plane ${JSON.stringify(location)} ${kind.problem}`);
  return kind.kind === RepositoryKind.LOCAL_PATH ? path.resolve(cwd, location) : location;
}

/**
 * The control plane `--control-plane` names: a git URL (mirrored into the cache), a local git repository (a bare
 * repository, or the top of a clone), or a folder of branches; and the reader for registered workloads. A folder with
 * a `main/` subfolder is a folder of branches even when it is also the top of a clone (a starter control plane kept
 * in git); a `file://` URL reads such a repository as git. A path that does not exist, or is a file, is a usage error.
 */
export async function openControlPlane(
  location: string,
  services: GitServices,
): Promise<{ controlPlane: ControlPlaneSource; remote: RemoteRepositoryReader }> {
  const remote = new GitRemoteReader(services.cache);
  const kind = classifyRepository(location);
  if (kind.problem) throw new UsageError(`--control-plane ${JSON.stringify(location)} ${kind.problem}`);
  if (kind.kind === RepositoryKind.LOCAL_PATH) checkFolder(location);
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

const WHAT_TO_GIVE = 'give --control-plane a folder of branches (main/, <environment>/…) or a git repository';

function checkFolder(location: string): void {
  const stat = fs.statSync(location, { throwIfNoEntry: false });
  if (!stat) throw new UsageError(`the control plane ${location} does not exist; ${WHAT_TO_GIVE}`);
  if (!stat.isDirectory()) throw new UsageError(`the control plane ${location} is a file; ${WHAT_TO_GIVE}`);
}
