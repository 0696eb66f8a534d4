import { BranchFile, ControlPlaneSource, FileFilter, RevisionNotFoundError } from '../source/control-plane-source';
import { RepositoryKind, classifyRepository, isCommitId } from './git-refs';
import { GitCache } from './git-cache';
import { GitRepository, TreeEntry } from './git-repository';
import { GitError, GitRunner } from './git-runner';
import { redactUrlCredentials } from './secrets';
import { selectTreeFiles, sourceIgnoreEntries } from './tree-walk';

const HEADS = 'refs/heads/';
const ORIGIN = 'refs/remotes/origin/';

export interface GitSourceProps {
  /** Runs git. */
  readonly git: GitRunner;
  /** Where remote control planes are mirrored; required for URLs. */
  readonly cache?: GitCache;
}

/**
 * A control plane kept in a git repository (docs/reference/control-plane-sources.md): each branch is read from git
 * objects (`ls-tree`, `cat-file`), without a checkout and without touching any work tree. A URL is mirrored into the
 * cache and fetched incrementally; a local repository is read in place, its branches being the local ones plus, for
 * those missing locally, `origin`'s remote-tracking branches (a CI checkout has only one local branch). Branch tips are
 * read once, when the source is opened, so that every branch comes from the same moment.
 */
export class GitSource implements ControlPlaneSource {
  /** Opens a repository given as a URL or a local path. */
  public static async open(location: string, props: GitSourceProps): Promise<GitSource> {
    const kind = classifyRepository(location);
    if (kind.problem) throw new GitError(`control plane ${JSON.stringify(location)} ${kind.problem}`);
    if (kind.kind === RepositoryKind.URL) {
      if (!props.cache) throw new Error('a cache folder is needed to read a remote control plane');
      const repository = await props.cache.mirror(location);
      return new GitSource(location, repository, await branchTips(repository, [HEADS]), props.cache);
    }
    const repository = await GitRepository.open(location, props.git);
    return new GitSource(location, repository, await branchTips(repository, [HEADS, ORIGIN]));
  }

  /** How the repository is named in messages: its location, with any credentials written into it redacted. */
  public get description(): string {
    return redactUrlCredentials(this.location);
  }

  private constructor(
    private readonly location: string,
    private readonly repository: GitRepository,
    private readonly tips: ReadonlyMap<string, string>,
    private readonly cache?: GitCache,
  ) {}

  public async branches(): Promise<string[]> {
    return [...this.tips.keys()].sort();
  }

  public async readBranch(branch: string, filter: FileFilter): Promise<BranchFile[]> {
    const commit = this.tips.get(branch);
    if (!commit) throw new GitError(`${this.description} has no branch ${JSON.stringify(branch)}`);
    return this.readFiles(commit, filter);
  }

  public async readCommit(commit: string, filter: FileFilter): Promise<BranchFile[]> {
    if (!isCommitId(commit)) throw new RevisionNotFoundError(`${JSON.stringify(commit)} is not a commit id`);
    let resolved = await this.repository.resolveCommit({ commit });
    if (!resolved && this.cache && (await this.cache.fetchCommit(this.location, commit))) {
      resolved = await this.repository.resolveCommit({ commit });
    }
    if (!resolved) throw new RevisionNotFoundError(`commit ${commit} does not exist in ${this.description}`);
    return this.readFiles(resolved, filter);
  }

  /** Relative paths only mean something in a folder of branches; a git control plane names repositories by URL. */
  public resolveLocalPath(): string | undefined {
    return undefined;
  }

  private async readFiles(commit: string, filter: FileFilter): Promise<BranchFile[]> {
    return readTreeFiles(this.repository, await this.repository.listTree(commit), filter);
  }
}

/**
 * The files of a listed tree that the filter lets through (below `root`, with paths relative to it), with contents;
 * files over `filter.maxFileBytes` are listed with their size and never read.
 */
export async function readTreeFiles(
  repository: GitRepository,
  entries: readonly TreeEntry[],
  filter: FileFilter,
  root = '',
): Promise<BranchFile[]> {
  const ignores = sourceIgnoreEntries(entries, root);
  const ignoreBlobs = await repository.readBlobs(ignores.map((entry) => entry.sha));
  const ignoreTexts = new Map(ignores.map((entry) => [entry.path, ignoreBlobs.get(entry.sha)!.toString('utf8')]));
  const selected = selectTreeFiles(entries, filter, ignoreTexts, root);
  const tooLarge = (entry: TreeEntry) => filter.maxFileBytes !== undefined && (entry.size ?? 0) > filter.maxFileBytes;
  const blobs = await repository.readBlobs(selected.filter((entry) => !tooLarge(entry)).map((entry) => entry.sha));
  return selected.map((entry) =>
    tooLarge(entry)
      ? { path: entry.path, content: Buffer.alloc(0), size: entry.size }
      : { path: entry.path, content: blobs.get(entry.sha)! },
  );
}

async function branchTips(repository: GitRepository, prefixes: readonly string[]): Promise<Map<string, string>> {
  const refs = await repository.refs(...prefixes);
  const tips = new Map<string, string>();
  for (const prefix of prefixes) {
    for (const [ref, sha] of refs) {
      if (!ref.startsWith(prefix)) continue;
      const branch = ref.slice(prefix.length);
      if (branch !== 'HEAD' && !tips.has(branch)) tips.set(branch, sha);
    }
  }
  return tips;
}
