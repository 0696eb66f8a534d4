import * as path from 'path';
import { DEFAULT_LOAD_LIMITS } from '../../core/model/limits';
import { ignoreFileProblems, yamlFileFilter } from '../source/read-documents';
import {
  RemoteRepositoryReader,
  WorkloadFiles,
  WorkloadSourceError,
  normalizeRepositoryUrl,
} from '../source/workload-sources';
import { RepositoryKind, branchNameProblem, classifyRepository } from './git-refs';
import { GitCache } from './git-cache';
import { GitRepository } from './git-repository';
import { readTreeFiles } from './git-source';
import { redactUrlCredentials } from './secrets';

/**
 * Reads registered workloads from their repositories (docs/reference/control-plane-sources.md): each `repo`/`branch` is
 * fetched once, shallow (`--depth 1`), into the cache, however many registrations share it; `path` is a file or a
 * folder read like Flux would. A `repo` or `branch` git could take for an option or a transport is refused before git
 * runs.
 */
export class GitRemoteReader implements RemoteRepositoryReader {
  private readonly fetched = new Map<string, Promise<{ repository: GitRepository; commit: string | undefined }>>();

  /**
   * @param cache where repositories are fetched to
   * @param maxFileBytes files larger than this are not read (the loader reports them)
   */
  public constructor(
    private readonly cache: GitCache,
    private readonly maxFileBytes = DEFAULT_LOAD_LIMITS.maxFileBytes,
  ) {}

  public async read(url: string, branch: string, workloadPath: string): Promise<WorkloadFiles> {
    const location = classifyRepository(url);
    if (location.problem) throw new WorkloadSourceError(`repository ${JSON.stringify(url)} ${location.problem}`);
    if (location.kind !== RepositoryKind.URL)
      throw new WorkloadSourceError(`repository ${JSON.stringify(url)} is not a URL`);
    const branchProblem = branchNameProblem(branch);
    if (branchProblem) throw new WorkloadSourceError(`branch ${JSON.stringify(branch)} ${branchProblem}`);
    const folder = normalizeTreePath(workloadPath);
    if (folder === undefined)
      throw new WorkloadSourceError(`path ${JSON.stringify(workloadPath)} leaves the repository`);

    const key = `${normalizeRepositoryUrl(url)}\u0000${branch}`;
    let fetching = this.fetched.get(key);
    if (!fetching) {
      fetching = this.cache.fetchBranch(url, branch, 1);
      this.fetched.set(key, fetching);
    }
    const { repository, commit } = await fetching;
    if (!commit) throw new WorkloadSourceError(`branch ${JSON.stringify(branch)} does not exist in ${url}`);
    const prefix = `${redactUrlCredentials(url)}@${branch}`;
    const entries = await repository.listTree(commit);
    const file = entries.find((entry) => entry.path === folder && entry.type === 'blob');
    if (file) {
      if ((file.size ?? 0) > this.maxFileBytes)
        return { files: [{ path: folder, content: Buffer.alloc(0), size: file.size }], prefix };
      const blobs = await repository.readBlobs([file.sha]);
      return { files: [{ path: folder, content: blobs.get(file.sha)! }], prefix };
    }
    if (folder !== '' && !entries.some((entry) => entry.path.startsWith(`${folder}/`))) {
      throw new WorkloadSourceError(`${JSON.stringify(workloadPath)} does not exist in ${prefix}`);
    }
    const filter = yamlFileFilter(this.maxFileBytes);
    const files = await readTreeFiles(repository, entries, filter, folder);
    return {
      files: files.map((entry) => ({ ...entry, path: folder ? `${folder}/${entry.path}` : entry.path })),
      prefix,
      problems: ignoreFileProblems(filter, folder ? `${prefix}/${folder}` : prefix),
    };
  }
}

/** `./workload/` → `workload`, `.` → `''`; undefined when the path leaves the repository root. */
export function normalizeTreePath(value: string): string | undefined {
  const normalized = path.posix.normalize(`/${value.replace(/\\/g, '/')}`);
  const relative = normalized.replace(/^\/+/, '').replace(/\/+$/, '');
  if (value.split(/[\\/]/).includes('..')) return undefined;
  return relative === '.' ? '' : relative;
}
